package io.lantau.custody.testbed;

import io.lantau.store.EngineTestBase;
import io.lantau.compliance.audit.AuditTrail;
import io.lantau.compliance.security.ApprovalService;
import io.lantau.compliance.security.NotificationOutbox;
import io.lantau.compliance.security.SecurityAuditSink;
import io.lantau.compliance.security.StaffDirectory;
import io.lantau.compliance.security.StaffRole;
import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.core.AccountKind;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.config.StandardMarkets;
import io.lantau.custody.reconcile.CoreLiabilities;
import io.lantau.custody.travelrule.ReferencePriceValuation;
import io.lantau.store.Database;
import io.lantau.store.Projection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The real parts custody tests run on: an H2 database in a temporary directory with every module's migrations, a
 * real core behind {@link DirectCore} with the custody projections fed from it, the audit trail, the maker-checker
 * and the staff directory. Users are rows in {@code users}; clients also have core accounts.
 */
public final class CustodyTestBed implements AutoCloseable {
    public final Clock clock = Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC);
    public final Database database;
    public final DirectCore core;
    public final CoreCommands commands;
    public final AuditTrail audit;
    public final StaffDirectory staff;
    public final ApprovalService approvals;
    public final NotificationOutbox outbox;
    public CoreLiabilities liabilities;
    public ReferencePriceValuation valuation;
    private final AtomicLong depositIds = new AtomicLong(1);

    private final boolean ownsDatabase;

    /** On a new H2 database in {@code dir}, closed with the bed. */
    public CustodyTestBed(Path dir) {
        this(Database.openH2(dir), true);
    }

    /** On a migrated database the caller owns (H2 or PostgreSQL, see {@code EngineTestBase}). */
    public CustodyTestBed(Database database) {
        this(database, false);
    }

    private CustodyTestBed(Database database, boolean ownsDatabase) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        core = new DirectCore(c -> {
            liabilities = new CoreLiabilities(c);
            valuation = new ReferencePriceValuation(c.config(), "HKD").seed(c);
            List<Projection> projections = new ArrayList<>();
            projections.add(liabilities);
            projections.add(valuation);
            return projections;
        });
        commands = new CoreCommands(core, Duration.ofSeconds(10));
        audit = new AuditTrail(database.dataSource());
        staff = new StaffDirectory(database.dataSource());
        approvals = new ApprovalService(database.dataSource(), SecurityAuditSink.NONE, clock);
        outbox = new NotificationOutbox(database.dataSource());
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    /** @return a new user (and core client account). */
    public long client(String email) {
        long id = user(email);
        if (commands.send(new OpenAccount(id, AccountKind.CLIENT, 0)) != ResultCode.OK) {
            throw new AssertionError("cannot open account " + id);
        }
        return id;
    }

    /** @return a new user holding the roles. */
    public long staffMember(String email, StaffRole... roles) {
        long id = user(email);
        for (StaffRole role : roles) {
            staff.bootstrap(id, role, clock.instant());
        }
        return id;
    }

    /** Credits the account directly in the core (a chain deposit, for the tests that need a balance). */
    public void fund(long accountId, int assetId, long amountMinor) {
        ResultCode code = commands.send(new Deposit(depositIds.getAndIncrement(), accountId, assetId, amountMinor));
        if (code != ResultCode.OK) {
            throw new AssertionError("cannot fund: " + code);
        }
    }

    public long rows(String table) {
        try (Connection c = dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private long user(String email) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO users (email, email_key, password_hash, status, created_at) VALUES (?, ?, 'x', 'ACTIVE', ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, email);
            s.setString(2, email.toLowerCase());
            s.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** The standard assets, for readability in tests. */
    public static final int BTC = StandardMarkets.BTC.assetId();
    public static final int ETH = StandardMarkets.ETH.assetId();
    public static final int HKD = StandardMarkets.HKD.assetId();
    public static final int USD = StandardMarkets.USD.assetId();

    @Override
    public void close() {
        core.close();
        if (ownsDatabase) {
            database.close();
        }
    }
}
