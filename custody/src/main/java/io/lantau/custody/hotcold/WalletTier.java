package io.lantau.custody.hotcold;

/** Where client assets sit (HK-16): the online hot wallet, or offline cold storage. */
public enum WalletTier {
    HOT, COLD
}
