package io.lantau.custody.travelrule;

/** Which way a transfer goes, seen from the platform. */
public enum Direction {
    OUTGOING, INCOMING
}
