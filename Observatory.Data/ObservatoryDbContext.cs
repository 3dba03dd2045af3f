using Microsoft.EntityFrameworkCore;
using Observatory.Data.Analyses;
using Observatory.Data.ApiKeys;
using Observatory.Data.Audit;
using Observatory.Data.Batches;
using Observatory.Data.Insights;
using Observatory.Data.Outbox;
using Observatory.Data.Webhooks;

namespace Observatory.Data;

public sealed class ObservatoryDbContext(DbContextOptions<ObservatoryDbContext> options) : DbContext(options)
{
    public DbSet<AnalysisRecord> Analyses => Set<AnalysisRecord>();
    public DbSet<AnalysisPayload> AnalysisPayloads => Set<AnalysisPayload>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<WebhookSecretRecord> WebhookSecrets => Set<WebhookSecretRecord>();
    public DbSet<BatchRecord> Batches => Set<BatchRecord>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<DailyInsight> DailyInsights => Set<DailyInsight>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AnalysisRecord>(e =>
        {
            e.ToTable("analyses");
            e.HasKey(a => a.Id);
            e.Property(a => a.Status).HasMaxLength(16);
            e.Property(a => a.OwnerTier).HasMaxLength(16);
            e.Property(a => a.Owner).HasMaxLength(200);
            e.Property(a => a.Title).HasMaxLength(500);
            e.Property(a => a.MetadataJson).HasColumnType("jsonb");
            e.Property(a => a.OptionsJson).HasColumnType("jsonb");
            e.Property(a => a.ResultJson).HasColumnType("json");
            e.Property(a => a.DigestJson).HasColumnType("json");
            e.Property(a => a.BatchRef).HasMaxLength(200);
            e.Property(a => a.IdempotencyScope).HasMaxLength(200);
            e.Property(a => a.IdempotencyKey).HasMaxLength(200);
            e.Property(a => a.RequestHash).HasMaxLength(64);
            e.Property(a => a.LeaseOwner).HasMaxLength(200);
            e.Property(a => a.ErrorCode).HasMaxLength(64);
            e.Property(a => a.TraceParent).HasMaxLength(64);
            e.HasIndex(a => new { a.IdempotencyScope, a.IdempotencyKey }).IsUnique()
                .HasFilter("idempotency_key IS NOT NULL");
            e.HasIndex(a => new { a.Owner, a.CreatedAt, a.Id }).IsDescending(false, true, true);
            e.HasIndex(a => new { a.Status, a.PublishedAt });
            e.HasIndex(a => new { a.BatchId, a.BatchIndex });
            e.HasIndex(a => a.CompletedAt);
        });

        modelBuilder.Entity<AnalysisPayload>(e =>
        {
            e.ToTable("analysis_payloads");
            e.HasKey(p => p.AnalysisId);
            e.Property(p => p.ConversationJson).HasColumnType("json");
            e.HasOne<AnalysisRecord>().WithOne().HasForeignKey<AnalysisPayload>(p => p.AnalysisId)
                .OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).UseIdentityAlwaysColumn();
            e.Property(o => o.Kind).HasMaxLength(64);
            e.Property(o => o.TraceParent).HasMaxLength(64);
        });

        modelBuilder.Entity<ApiKeyRecord>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Name).HasMaxLength(200);
            e.Property(k => k.Tier).HasMaxLength(16);
            e.Property(k => k.Prefix).HasMaxLength(32);
            e.Property(k => k.KeyHash).HasMaxLength(64);
            e.HasIndex(k => k.KeyHash).IsUnique();
        });

        modelBuilder.Entity<WebhookSecretRecord>(e =>
        {
            e.ToTable("webhook_secrets");
            e.HasKey(w => w.Principal);
            e.Property(w => w.Principal).HasMaxLength(200);
            e.Property(w => w.Secret).HasMaxLength(128);
        });

        modelBuilder.Entity<BatchRecord>(e =>
        {
            e.ToTable("batches");
            e.HasKey(b => b.Id);
            e.Property(b => b.Owner).HasMaxLength(200);
            e.Property(b => b.OwnerTier).HasMaxLength(16);
            e.Property(b => b.Title).HasMaxLength(500);
            e.Property(b => b.OptionsJson).HasColumnType("jsonb");
            e.Property(b => b.Status).HasMaxLength(16);
            e.Property(b => b.AggregateJson).HasColumnType("json");
            e.Property(b => b.TraceParent).HasMaxLength(64);
            e.HasIndex(b => new { b.Owner, b.CreatedAt });
            e.HasIndex(b => b.Status);
        });

        modelBuilder.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).UseIdentityAlwaysColumn();
            e.Property(d => d.EventId).HasMaxLength(64);
            e.Property(d => d.Principal).HasMaxLength(200);
            e.Property(d => d.Type).HasMaxLength(32);
            e.Property(d => d.Url).HasMaxLength(2048);
            e.Property(d => d.Body).HasColumnType("text");
            e.Property(d => d.Status).HasMaxLength(16);
            e.Property(d => d.LastError).HasMaxLength(500);
            e.HasIndex(d => d.EventId).IsUnique();
            e.HasIndex(d => new { d.ResourceId, d.Type }).IsUnique();
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.HasIndex(d => new { d.Principal, d.CreatedAt, d.Id }).IsDescending(false, true, true);
        });

        modelBuilder.Entity<DailyInsight>(e =>
        {
            e.ToTable("daily_insights");
            e.HasKey(d => new { d.Day, d.Owner });
            e.Property(d => d.Owner).HasMaxLength(200);
            e.Property(d => d.PatternCountsJson).HasColumnType("jsonb");
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).UseIdentityAlwaysColumn();
            e.Property(a => a.Kind).HasMaxLength(16);
            e.Property(a => a.Principal).HasMaxLength(200);
            e.Property(a => a.Tier).HasMaxLength(16);
            e.Property(a => a.KeyPrefix).HasMaxLength(32);
            e.Property(a => a.ClientIp).HasMaxLength(64);
            e.Property(a => a.Method).HasMaxLength(16);
            e.Property(a => a.Path).HasMaxLength(2048);
            e.Property(a => a.ResourceId).HasMaxLength(64);
            e.Property(a => a.TraceId).HasMaxLength(32);
            e.Property(a => a.DetailsJson).HasColumnType("jsonb");
            e.HasIndex(a => a.OccurredAt);
        });

        ApplySnakeCaseColumnNames(modelBuilder);
    }

    // PostgreSQL folds unquoted identifiers to lower case; snake_case columns keep hand-written SQL readable.
    private static void ApplySnakeCaseColumnNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase.From(property.Name));
            foreach (var key in entity.GetKeys())
                key.SetName(SnakeCase.From(key.GetName() ?? ""));
            foreach (var index in entity.GetIndexes())
                index.SetDatabaseName(SnakeCase.From(index.GetDatabaseName() ?? ""));
            foreach (var foreignKey in entity.GetForeignKeys())
                foreignKey.SetConstraintName(SnakeCase.From(foreignKey.GetConstraintName() ?? ""));
        }
    }
}
