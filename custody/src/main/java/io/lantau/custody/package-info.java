/**
 * Custody (DESIGN.md section 2): HD wallets, chain adapters, deposits, withdrawals, hot and cold storage, fiat through
 * designated bank accounts, reconciliation and proof of reserves (REGULATORY.md HK-07, HK-15 to HK-22, PoR-1 to
 * PoR-4). Custody keeps its records in the relational store and changes balances only through core commands.
 */
package io.lantau.custody;
