package jp.sapphire.actionlog.control;

import jp.sapphire.actionlog.entity.ActionLogEntry;

/** An action log entry with the names it refers to: who acted, for whom, on which report and line. */
public record LoggedAction(ActionLogEntry entry, String actorName, String onBehalfOfName, String reportTitle,
                           Integer lineNo) {
}
