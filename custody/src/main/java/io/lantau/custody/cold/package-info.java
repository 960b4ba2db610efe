/**
 * Cold storage as an offline signing flow (REGULATORY.md HK-16, HK-17): the platform exports an unsigned transaction
 * (a BIP-174 PSBT for Bitcoin, an unsigned EIP-1559 transaction for Ethereum), an offline {@link
 * io.lantau.custody.cold.ColdSigner} (the stand-in for an HSM; its seed sealed at rest under several custodians'
 * passphrases) signs it, and {@link io.lantau.custody.cold.ColdSigningDesk} imports the signed transaction only if it
 * is exactly the exported one, correctly signed by the expected key.
 */
package io.lantau.custody.cold;
