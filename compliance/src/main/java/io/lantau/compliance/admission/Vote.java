package io.lantau.compliance.admission;

/**
 * One committee member's vote on a decision (HK-13).
 *
 * @param voterId   the member.
 * @param inFavour  for or against the motion.
 */
public record Vote(String voterId, boolean inFavour) {
}
