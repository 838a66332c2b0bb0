package jp.sapphire.approval.entity;

/** Who approves a step. */
public enum ApproverKind {
    /** The applicant's manager, a number of levels up the department hierarchy (所属長). */
    MANAGER,
    /** One named member. */
    MEMBER,
    /** Any member holding a role (e.g. accounting); the first of them to act decides. */
    ROLE
}
