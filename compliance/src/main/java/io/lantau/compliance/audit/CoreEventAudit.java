package io.lantau.compliance.audit;

import io.lantau.core.CancelReason;
import io.lantau.core.ResultCode;
import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.CancelAllOrders;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.SetAccountStatus;
import io.lantau.core.command.SetInvestorProfile;
import io.lantau.core.command.SetMarketStatus;
import io.lantau.core.command.SetReferencePrice;
import io.lantau.core.command.SetRetailAccess;
import io.lantau.core.event.AccountStatusChanged;
import io.lantau.core.event.CommandRejected;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.InvestorProfileChanged;
import io.lantau.core.event.MarketStatusChanged;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.OrderAmended;
import io.lantau.core.event.OrderCanceled;
import io.lantau.core.event.OrderExpired;
import io.lantau.core.event.OrderRejected;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.ReferencePriceChanged;
import io.lantau.core.event.RetailAccessChanged;
import io.lantau.core.event.TradeExecuted;
import java.time.Instant;
import java.util.List;

/**
 * Which core events are audit records, and how (Schedule 3: order placement, modification, cancellation and
 * execution with time and unique reference; limit and compliance validation exceptions; erroneous order input;
 * changes to critical parameters). Every record's details carry the core's command sequence ({@code "command"}), the
 * reference back into the journal.
 *
 * <ul>
 *   <li>{@code OrderAccepted}, {@code OrderAmended}, {@code OrderCanceled}, {@code OrderExpired}: ORDER_EVENT about
 *       the order's account, by the account (by {@code system} for expiries and cancels the rules forced);</li>
 *   <li>{@code TradeExecuted}: one ORDER_EVENT about the market, by {@code system}, naming both orders;</li>
 *   <li>{@code OrderRejected}: LIMIT_EXCEPTION for limits (exposure, size, notional, balance), COMPLIANCE_EXCEPTION
 *       for rules (account status, retail access, reference price), else ORDER_EVENT (erroneous input);</li>
 *   <li>a rejected cancel or amend: ORDER_EVENT; a rejected parameter command: the kind of the change it asked;</li>
 *   <li>market status, retail access, reference price: MARKET_PARAMETER_CHANGE; account status:
 *       ACCOUNT_STATUS_CHANGE; investor class and exposure limit: INVESTOR_PROFILE_CHANGE.</li>
 * </ul>
 * The rest (balances, deposits, resting orders…) is not audited here: the journal and history hold it. Operator
 * commands carry no operator id in the core, so their records name {@code system}; the service that submits them
 * appends its own record naming the staff member. Stateless.
 */
final class CoreEventAudit {
    private CoreEventAudit() {
    }

    /** Adds the audit entries of one event, if any, to {@code out}. */
    static void entries(CoreEvent event, List<AuditEntry> out) {
        Instant time = AuditRecord.instantOf(event.timestampNanos());
        long command = event.sequence();
        switch (event) {
            case OrderAccepted e -> out.add(order(time, command, "ACCEPTED", account(e.order()), e.order(), null));
            case OrderAmended e -> out.add(order(time, command, "AMENDED", account(e.order()), e.order(),
                    AuditDetails.builder().put("oldPriceTicks", e.oldPriceTicks())
                            .put("oldQuantityLots", e.oldQuantityLots()).put("priorityKept", e.priorityKept())));
            case OrderCanceled e -> out.add(order(time, command, "CANCELED",
                    e.reason() == CancelReason.RETAIL_ACCESS ? AuditEntry.SYSTEM : account(e.order()), e.order(),
                    AuditDetails.builder().put("reason", e.reason())));
            case OrderExpired e -> out.add(order(time, command, "EXPIRED", AuditEntry.SYSTEM, e.order(),
                    AuditDetails.builder().put("reason", e.reason())));
            case TradeExecuted e -> out.add(new AuditEntry(time, AuditKind.ORDER_EVENT, AuditEntry.SYSTEM,
                    "market:" + e.taker().marketId(), AuditDetails.builder().put("event", "EXECUTED")
                            .put("command", command).put("tradeId", e.tradeId())
                            .put("takerOrderId", e.taker().orderId()).put("takerAccountId", e.taker().accountId())
                            .put("takerSide", e.taker().side()).put("makerOrderId", e.maker().orderId())
                            .put("makerAccountId", e.maker().accountId()).put("priceTicks", e.priceTicks())
                            .put("quantityLots", e.quantityLots()).put("quoteMinor", e.quoteMinor())
                            .put("takerFeeMinor", e.takerFeeMinor()).put("makerFeeMinor", e.makerFeeMinor())
                            .build()));
            case OrderRejected e -> out.add(rejectedOrder(time, command, e.command(), e.code()));
            case CommandRejected e -> rejectedCommand(time, command, e.command(), e.code(), out);
            case MarketStatusChanged e -> out.add(new AuditEntry(time, AuditKind.MARKET_PARAMETER_CHANGE,
                    AuditEntry.SYSTEM, "market:" + e.marketId(), AuditDetails.builder().put("command", command)
                            .put("parameter", "status").put("old", e.oldStatus()).put("new", e.newStatus()).build()));
            case RetailAccessChanged e -> out.add(new AuditEntry(time, AuditKind.MARKET_PARAMETER_CHANGE,
                    AuditEntry.SYSTEM, "market:" + e.marketId(), AuditDetails.builder().put("command", command)
                            .put("parameter", "retailAccess").put("new", e.access()).build()));
            case ReferencePriceChanged e -> out.add(new AuditEntry(time, AuditKind.MARKET_PARAMETER_CHANGE,
                    AuditEntry.SYSTEM, "asset:" + e.assetId(), AuditDetails.builder().put("command", command)
                            .put("parameter", "referencePriceMinor").put("new", e.priceMinor()).build()));
            case AccountStatusChanged e -> out.add(new AuditEntry(time, AuditKind.ACCOUNT_STATUS_CHANGE,
                    AuditEntry.SYSTEM, "account:" + e.accountId(), AuditDetails.builder().put("command", command)
                            .put("old", e.oldStatus()).put("new", e.newStatus()).build()));
            case InvestorProfileChanged e -> out.add(new AuditEntry(time, AuditKind.INVESTOR_PROFILE_CHANGE,
                    AuditEntry.SYSTEM, "account:" + e.accountId(), AuditDetails.builder().put("command", command)
                            .put("investorClass", e.investorClass())
                            .put("exposureLimitMinor", e.exposureLimitMinor()).build()));
            default -> {
                // Balances, deposits, withdrawals, accounts opened, fee tiers and resting orders: not audit records.
            }
        }
    }

    /** @return the kind of audit record an order refused with {@code code} makes. */
    static AuditKind kindOf(ResultCode code) {
        return switch (code) {
            case EXPOSURE_LIMIT_EXCEEDED, INSUFFICIENT_BALANCE, QUANTITY_ABOVE_MAX, PRICE_ABOVE_MAX,
                    NOTIONAL_BELOW_MIN, QUANTITY_BELOW_MIN -> AuditKind.LIMIT_EXCEPTION;
            case ACCOUNT_NOT_ACTIVE, ACCOUNT_CANNOT_TRADE, NOT_RETAIL_ELIGIBLE, RETAIL_SELL_ONLY, NO_REFERENCE_PRICE,
                    MARKET_HALTED, MARKET_CANCEL_ONLY -> AuditKind.COMPLIANCE_EXCEPTION;
            default -> AuditKind.ORDER_EVENT;
        };
    }

    private static String account(OrderSnapshot o) {
        return "account:" + o.accountId();
    }

    private static AuditEntry order(Instant time, long command, String what, String actor, OrderSnapshot o,
            AuditDetails extra) {
        AuditDetails d = AuditDetails.builder().put("event", what).put("command", command).put("orderId", o.orderId())
                .put("marketId", o.marketId()).put("clientOrderId", o.clientOrderId()).put("side", o.side())
                .put("type", o.type()).put("timeInForce", o.timeInForce()).put("priceTicks", o.priceTicks())
                .put("quantityLots", o.quantityLots()).put("quoteAmountMinor", o.quoteAmountMinor())
                .put("filledLots", o.filledLots()).put("status", o.status());
        String details = d.build();
        if (extra != null) {
            String more = extra.build();
            if (more.length() > 2) {
                details = details.substring(0, details.length() - 1) + "," + more.substring(1);
            }
        }
        return new AuditEntry(time, AuditKind.ORDER_EVENT, actor, account(o), details);
    }

    private static AuditEntry rejectedOrder(Instant time, long command, PlaceOrder p, ResultCode code) {
        return new AuditEntry(time, kindOf(code), "account:" + p.accountId(), "account:" + p.accountId(),
                AuditDetails.builder().put("event", "REJECTED").put("command", command).put("code", code)
                        .put("codeNumber", code.code()).put("marketId", p.marketId())
                        .put("clientOrderId", p.clientOrderId()).put("side", p.side()).put("type", p.type())
                        .put("timeInForce", p.timeInForce()).put("priceTicks", p.priceTicks())
                        .put("quantityLots", p.quantityLots()).put("quoteAmountMinor", p.quoteAmountMinor()).build());
    }

    private static void rejectedCommand(Instant time, long command, Command c, ResultCode code,
            List<AuditEntry> out) {
        AuditKind kind;
        String actor = AuditEntry.SYSTEM;
        String subject;
        switch (c) {
            case CancelOrder x -> {
                kind = AuditKind.ORDER_EVENT;
                actor = subject = "account:" + x.accountId();
            }
            case AmendOrder x -> {
                kind = AuditKind.ORDER_EVENT;
                actor = subject = "account:" + x.accountId();
            }
            case CancelAllOrders x -> {
                kind = AuditKind.ORDER_EVENT;
                actor = subject = "account:" + x.accountId();
            }
            case SetMarketStatus x -> {
                kind = AuditKind.MARKET_PARAMETER_CHANGE;
                subject = "market:" + x.marketId();
            }
            case SetRetailAccess x -> {
                kind = AuditKind.MARKET_PARAMETER_CHANGE;
                subject = "market:" + x.marketId();
            }
            case SetReferencePrice x -> {
                kind = AuditKind.MARKET_PARAMETER_CHANGE;
                subject = "asset:" + x.assetId();
            }
            case SetAccountStatus x -> {
                kind = AuditKind.ACCOUNT_STATUS_CHANGE;
                subject = "account:" + x.accountId();
            }
            case SetInvestorProfile x -> {
                kind = AuditKind.INVESTOR_PROFILE_CHANGE;
                subject = "account:" + x.accountId();
            }
            default -> {
                return; // deposits, withdrawals, account opening: not audit records here
            }
        }
        out.add(new AuditEntry(time, kind, actor, subject, AuditDetails.builder().put("event", "REJECTED")
                .put("command", command).put("code", code).put("codeNumber", code.code())
                .put("request", c.toString()).build()));
    }
}
