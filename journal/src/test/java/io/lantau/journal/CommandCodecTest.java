package io.lantau.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.AccountKind;
import io.lantau.core.AccountStatus;
import io.lantau.core.InvestorClass;
import io.lantau.core.RetailAccess;
import io.lantau.core.MarketStatus;
import io.lantau.core.OrderType;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.ContentHash;
import io.lantau.core.ItemLockPurpose;
import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.BurnItem;
import io.lantau.core.command.GiftItem;
import io.lantau.core.command.HoldFunds;
import io.lantau.core.command.LockItem;
import io.lantau.core.command.MintItem;
import io.lantau.core.command.MintItemForPayment;
import io.lantau.core.command.ReleaseHold;
import io.lantau.core.command.SettleItemSale;
import io.lantau.core.command.TransferItem;
import io.lantau.core.command.UnlockItem;
import io.lantau.core.command.CancelAllOrders;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.RequestWithdrawal;
import io.lantau.core.command.RevertWithdrawal;
import io.lantau.core.command.SetFeeTier;
import io.lantau.core.command.SetAccountStatus;
import io.lantau.core.command.SetInvestorProfile;
import io.lantau.core.command.SetMarketStatus;
import io.lantau.core.command.SetReferencePrice;
import io.lantau.core.command.SetRetailAccess;
import io.lantau.core.command.SettleWithdrawal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandCodecTest {
    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;

    static Stream<Command> commands() {
        List<Command> commands = new ArrayList<>();
        for (long v : new long[] {MIN, -1, 0, 1, MAX}) {
            int i = (int) v;
            commands.add(new OpenAccount(v, AccountKind.CLIENT, i));
            commands.add(new SetFeeTier(v, Integer.MAX_VALUE));
            commands.add(new Deposit(v, MAX, Integer.MIN_VALUE, MIN));
            commands.add(new RequestWithdrawal(MIN, v, Integer.MAX_VALUE, MAX));
            commands.add(new SettleWithdrawal(v));
            commands.add(new RevertWithdrawal(v));
            commands.add(new PlaceOrder(v, i, null, Side.SELL, OrderType.LIMIT_MAKER, TimeInForce.FOK, MAX, MIN, v,
                    SelfTradePrevention.EXPIRE_BOTH));
            commands.add(new CancelOrder(v, Integer.MIN_VALUE, MAX, null));
            commands.add(new CancelAllOrders(v, CancelAllOrders.ALL_MARKETS));
            commands.add(new AmendOrder(MIN, Integer.MAX_VALUE, v, MAX, MIN));
            commands.add(new SetMarketStatus(i, MarketStatus.HALTED));
            commands.add(new SetAccountStatus(v, AccountStatus.SUSPENDED));
            commands.add(new SetInvestorProfile(v, InvestorClass.RETAIL, MAX));
            commands.add(new SetReferencePrice(i, v));
            commands.add(new SetRetailAccess(i, RetailAccess.SELL_ONLY));
            MintItem mint = new MintItem(v, MIN, MAX, v, new ContentHash(v, MIN, MAX, -v), v, i, Integer.MIN_VALUE);
            commands.add(mint);
            commands.add(new MintItem(v, v, v, v, null, v, Integer.MAX_VALUE, i));
            commands.add(new MintItemForPayment(mint, v, i, MAX, Integer.MIN_VALUE, MIN));
            commands.add(new MintItemForPayment(null, MIN, Integer.MAX_VALUE, v, i, v));
            commands.add(new TransferItem(v, MIN, MAX));
            commands.add(new GiftItem(MAX, v, MIN, v));
            commands.add(new LockItem(v, MAX, ItemLockPurpose.EXPORT));
            commands.add(new LockItem(MIN, v, null));
            commands.add(new UnlockItem(v, MIN));
            commands.add(new BurnItem(MAX, v));
            commands.add(new SettleItemSale(v, MIN, MAX, v, i, MIN, MAX, Integer.MIN_VALUE, Integer.MAX_VALUE, v));
            commands.add(new HoldFunds(v, MAX, i, MIN));
            commands.add(new ReleaseHold(v));
        }
        for (ItemLockPurpose purpose : ItemLockPurpose.values()) {
            commands.add(new LockItem(1, 2, purpose));
        }
        commands.add(new MintItem(1, 2, 3, 4, ContentHash.fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), 5, 6, 7));
        for (AccountStatus status : AccountStatus.values()) {
            commands.add(new SetAccountStatus(9, status));
        }
        for (RetailAccess access : RetailAccess.values()) {
            commands.add(new SetRetailAccess(1, access));
        }
        commands.add(new SetInvestorProfile(9, InvestorClass.PROFESSIONAL, 0));
        commands.add(new SetInvestorProfile(9, null, -1));
        commands.add(new SetAccountStatus(9, null));
        for (AccountKind kind : AccountKind.values()) {
            commands.add(new OpenAccount(7, kind, 0));
        }
        for (MarketStatus status : MarketStatus.values()) {
            commands.add(new SetMarketStatus(3, status));
        }
        commands.add(new OpenAccount(7, null, 0));
        commands.add(new SetMarketStatus(3, null));
        commands.add(new PlaceOrder(1, 2, "a", null, null, null, 0, 0, 0, null));
        commands.add(PlaceOrder.limit(1, 0, Side.BUY, 50_000, 10));
        commands.add(PlaceOrder.market(1, 0, Side.SELL, 10));
        commands.add(PlaceOrder.marketBuyByQuote(1, 0, 1_000_000));
        commands.add(new PlaceOrder(1, 0, "", Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 1, 0,
                SelfTradePrevention.NONE));
        commands.add(new PlaceOrder(1, 0, "x".repeat(36), Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1, 1, 0,
                SelfTradePrevention.EXPIRE_MAKER));
        commands.add(new PlaceOrder(1, 0, "€-ü-\uD83D\uDE00-日本", Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 1, 1,
                0, SelfTradePrevention.EXPIRE_TAKER));
        commands.add(new CancelOrder(1, 0, 0, "lone \uD800 and \uDC00 surrogates"));
        commands.add(new CancelOrder(1, 0, 0, "\uD83D\uDE00".repeat(63)));
        return commands.stream();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void shouldRoundTripWhenCommandEncodedAndDecoded(Command command) {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[CommandCodec.MAX_ENCODED_LENGTH + 10]);
        int length = CommandCodec.encode(command, buffer, 7);

        assertThat(length).isBetween(1, CommandCodec.MAX_ENCODED_LENGTH);
        assertThat(CommandCodec.decode(buffer, 7, length)).isEqualTo(command);
    }

    @Test
    void shouldRejectClientOrderIdWhenLongerThanTheLimit() {
        PlaceOrder tooLong = new PlaceOrder(1, 0, "x".repeat(CommandCodec.MAX_STRING_BYTES + 1), Side.BUY,
                OrderType.LIMIT, TimeInForce.GTC, 1, 1, 0, SelfTradePrevention.NONE);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);

        assertThatThrownBy(() -> CommandCodec.checkEncodable(tooLong)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandCodec.encode(tooLong, buffer, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandCodec.checkEncodable(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFailToDecodeWhenBytesAreNotOneCommand() {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        int length = CommandCodec.encode(new SettleWithdrawal(5), buffer, 0);

        assertThatThrownBy(() -> CommandCodec.decode(buffer, 0, length - 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandCodec.decode(buffer, 0, length + 1))
                .isInstanceOf(IllegalArgumentException.class);
        buffer.putByte(0, (byte) 99);
        assertThatThrownBy(() -> CommandCodec.decode(buffer, 0, length))
                .isInstanceOf(IllegalArgumentException.class);
        int statusLength = CommandCodec.encode(new SetMarketStatus(1, MarketStatus.TRADING), buffer, 0);
        buffer.putByte(statusLength - 1, (byte) 42);
        assertThatThrownBy(() -> CommandCodec.decode(buffer, 0, statusLength))
                .isInstanceOf(IllegalArgumentException.class);
        int mintLength = CommandCodec.encode(new MintItem(1, 2, 3, 4, null, 5, 6, 7), buffer, 0);
        buffer.putByte(1 + 4 * 8, (byte) 2); // the content hash's presence byte: neither 0 nor 1
        assertThatThrownBy(() -> CommandCodec.decode(buffer, 0, mintLength))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
