/**
 * The trading core: a deterministic, single-threaded state machine holding order books, balances and the rules that
 * need that state. It does no I/O, reads no clock and draws no random number; time arrives stamped on each command.
 * The same command log always gives the same events and the same {@link io.lantau.core.ExchangeCore#stateHash()}.
 *
 * <p>Units: amounts are {@code long} minor units of their asset, prices are ticks of the market's tick size, quantities
 * are lots of the market's lot size. Every product is overflow-checked; a value that cannot be represented is a
 * rejection, never a wrap. See {@code core/SEMANTICS.md} for the written rules (locking, fees, rounding, STP).
 */
package io.lantau.core;
