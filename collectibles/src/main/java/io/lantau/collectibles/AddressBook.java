package io.lantau.collectibles;

/**
 * The owner's withdrawal whitelist as export asks it (the custody service keeps the list, with its cooling-off
 * period): an item leaves only to an address its holder whitelisted, and comes back unlocked only from one.
 */
@FunctionalInterface
public interface AddressBook {

    /** @return whether the address (0x-hex, any case) is on the account's whitelist and usable now. */
    boolean whitelisted(long accountId, String address);
}
