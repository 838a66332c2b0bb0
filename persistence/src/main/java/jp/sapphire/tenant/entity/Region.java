package jp.sapphire.tenant.entity;

/** Where a tenant's data is kept (whitepaper §2, §21); recorded in every backup. */
public enum Region {
    asia,
    us
}
