package io.lantau.collectibles;

/**
 * What a collection's works are. The financial-asset categories exist so that a profile can name them as forbidden
 * (CN-01: no securities, insurance, credit or precious metals as an NFT's underlying); an issuer must pick one
 * honestly and staff review the IP authorisation that backs it (CN-08).
 */
public enum Category {
    ART(false),
    MUSIC(false),
    HERITAGE(false),
    SPORT(false),
    GAME_ITEM(false),
    DIGITAL_HUMAN(false),
    TICKET(false),
    PHOTOGRAPHY(false),
    LITERATURE(false),
    FINANCIAL_INSTRUMENT(true),
    REVENUE_SHARE(true),
    SECURITY(true),
    PRECIOUS_METAL(true),
    INSURANCE(true),
    CREDIT(true);

    private final boolean financial;

    Category(boolean financial) {
        this.financial = financial;
    }

    /** @return whether it is a financial asset in the sense of CN-01. */
    public boolean financial() {
        return financial;
    }
}
