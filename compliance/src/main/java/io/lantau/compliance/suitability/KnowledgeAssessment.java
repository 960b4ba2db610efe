package io.lantau.compliance.suitability;

import java.time.Instant;

/**
 * One recorded knowledge assessment or training completion (HK-02); the latest per client is in force.
 *
 * @param basis                ASSESSMENT (answers scored) or TRAINING (the platform's training module completed).
 * @param questionBankVersion  the bank answered; {@code null} for TRAINING.
 * @param scorePercent         the test score; 0 for TRAINING.
 * @param passMarkPercent      the pass mark in force then; 0 for TRAINING.
 * @param hasTraining          criterion (a) met.
 * @param hasWorkExperience    criterion (b) met.
 * @param hasTradingExperience criterion (c) met.
 * @param trainingModule       the module completed; {@code null} for ASSESSMENT.
 * @param answers              the answers as submitted (the audit record); {@code null} for TRAINING.
 */
public record KnowledgeAssessment(
        long id,
        long accountId,
        Basis basis,
        KnowledgeOutcome outcome,
        String questionBankVersion,
        int scorePercent,
        int passMarkPercent,
        boolean hasTraining,
        boolean hasWorkExperience,
        boolean hasTradingExperience,
        String trainingModule,
        KnowledgeAnswers answers,
        Instant assessedAt) {

    /** What the outcome rests on. */
    public enum Basis {
        ASSESSMENT,
        TRAINING
    }
}
