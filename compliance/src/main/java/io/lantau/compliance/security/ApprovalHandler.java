package io.lantau.compliance.security;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What one action type does, registered with its {@link ApprovalRule} in {@link ApprovalService#register}.
 */
public interface ApprovalHandler {
    /**
     * Checks a payload when the action is requested, before anything is stored.
     *
     * @return the user the action is about (who may then not approve it), or {@link SecurityEvent#UNKNOWN_USER}.
     * @throws SecurityRefusedException {@link SecurityRefusal#INVALID_PAYLOAD} for a payload the action cannot run.
     */
    long validate(String payload);

    /**
     * Executes an approved action, exactly once, inside the transaction that marks it approved: a handler that
     * writes to the relational store uses {@code connection} so that both commit together; one that throws leaves
     * the request pending and nothing changed in the store.
     */
    void execute(Approval approval, Connection connection) throws SQLException;

    /** Called after the approval has committed (audit events, notifications). Must not throw. */
    default void afterCommit(Approval approval) {
    }
}
