package io.lantau.core.command;

/** Return a hold's funds to available (offer withdrawn, drop lost). A repeat returns OK. */
public record ReleaseHold(long holdId) implements Command {
}
