using ElsaFlow.Persistence.EntityFramework.Entities;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.EntityFramework;

/// <summary>
/// The provider-neutral model. Each provider derives its own context (e.g. SqliteElsaFlowDbContext) so that its
/// migrations live apart; the model only uses portable column types: times are UTC ticks, enums are names.
/// </summary>
public abstract class ElsaFlowDbContext(DbContextOptions options) : DbContext(options)
{
    public const int IdLength = 100;
    public const int NameLength = 200;
    public const int KeyLength = 400;

    public DbSet<DefinitionEntity> Definitions => Set<DefinitionEntity>();
    public DbSet<InstanceEntity> Instances => Set<InstanceEntity>();
    public DbSet<BookmarkEntity> Bookmarks => Set<BookmarkEntity>();
    public DbSet<JournalEntity> Journal => Set<JournalEntity>();
    public DbSet<LogEntity> Logs => Set<LogEntity>();
    public DbSet<ScheduleClaimEntity> ScheduleClaims => Set<ScheduleClaimEntity>();
    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();
    public DbSet<InboxEntity> Inbox => Set<InboxEntity>();
    public DbSet<WorkerEntity> Workers => Set<WorkerEntity>();
    public DbSet<ConnectionEntity> Connections => Set<ConnectionEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<TimeSpan>().HaveConversion<long>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DefinitionEntity>(d =>
        {
            d.ToTable("definitions");
            d.HasKey(x => new { x.DefinitionId, x.Version });
            d.Property(x => x.DefinitionId).HasMaxLength(NameLength);
            d.Property(x => x.Name).HasMaxLength(KeyLength);
            d.Property(x => x.Json).IsRequired();
            d.HasIndex(x => new { x.DefinitionId, x.IsLatest });
            d.HasIndex(x => new { x.DefinitionId, x.IsPublished });
        });

        modelBuilder.Entity<InstanceEntity>(i =>
        {
            i.ToTable("instances");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).HasMaxLength(IdLength);
            i.Property(x => x.DefinitionId).HasMaxLength(NameLength);
            i.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            i.Property(x => x.CorrelationId).HasMaxLength(NameLength);
            i.Property(x => x.ParentInstanceId).HasMaxLength(IdLength);
            i.Property(x => x.Revision).IsConcurrencyToken();
            i.Property(x => x.LeaseOwner).HasMaxLength(NameLength);
            i.Property(x => x.StateJson).IsRequired();
            i.HasIndex(x => x.Status);
            i.HasIndex(x => new { x.DefinitionId, x.DefinitionVersion });
            i.HasIndex(x => x.CorrelationId);
            i.HasIndex(x => x.ParentInstanceId);
            i.HasIndex(x => x.CreatedAt);
        });

        modelBuilder.Entity<BookmarkEntity>(b =>
        {
            b.ToTable("bookmarks");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasMaxLength(IdLength);
            b.Property(x => x.InstanceId).HasMaxLength(IdLength);
            b.Property(x => x.ActivityId).HasMaxLength(NameLength);
            b.Property(x => x.ExecutionId).HasMaxLength(IdLength);
            b.Property(x => x.Name).HasMaxLength(NameLength);
            b.Property(x => x.MatchKey).HasMaxLength(KeyLength);
            b.HasIndex(x => new { x.Name, x.MatchKey });
            b.HasIndex(x => x.ResumeAt);
            b.HasIndex(x => x.InstanceId);
        });

        modelBuilder.Entity<JournalEntity>(j =>
        {
            j.ToTable("journal");
            j.HasKey(x => new { x.InstanceId, x.Sequence });
            j.Property(x => x.InstanceId).HasMaxLength(IdLength);
            j.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            j.Property(x => x.ActivityId).HasMaxLength(NameLength);
            j.Property(x => x.ActivityType).HasMaxLength(NameLength);
            j.Property(x => x.ExecutionId).HasMaxLength(IdLength);
            j.Property(x => x.Port).HasMaxLength(KeyLength);
            j.Property(x => x.NodeId).HasMaxLength(NameLength);
        });

        modelBuilder.Entity<LogEntity>(l =>
        {
            l.ToTable("logs");
            l.HasKey(x => new { x.InstanceId, x.Sequence });
            l.Property(x => x.InstanceId).HasMaxLength(IdLength);
            l.Property(x => x.ActivityId).HasMaxLength(NameLength);
            l.Property(x => x.Level).HasMaxLength(20);
            l.Property(x => x.Message).IsRequired();
        });

        modelBuilder.Entity<ScheduleClaimEntity>(c =>
        {
            c.ToTable("schedule_claims");
            c.HasKey(x => new { x.DefinitionId, x.ActivityId, x.Occurrence });
            c.Property(x => x.DefinitionId).HasMaxLength(NameLength);
            c.Property(x => x.ActivityId).HasMaxLength(NameLength);
            c.Property(x => x.Status).HasMaxLength(20);
            c.Property(x => x.InstanceId).HasMaxLength(IdLength);
            c.Property(x => x.ClaimedBy).HasMaxLength(NameLength);
        });

        modelBuilder.Entity<ApiKeyEntity>(k =>
        {
            k.ToTable("api_keys");
            k.HasKey(x => x.Id);
            k.Property(x => x.Id).HasMaxLength(IdLength);
            k.Property(x => x.Name).HasMaxLength(NameLength);
            k.Property(x => x.Role).HasMaxLength(20);
            k.Property(x => x.Hash).HasMaxLength(64);
            k.HasIndex(x => x.Hash).IsUnique();
        });

        modelBuilder.Entity<InboxEntity>(e =>
        {
            e.ToTable("instance_inbox");
            e.HasKey(x => x.Position);
            e.Property(x => x.Position).ValueGeneratedOnAdd();
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.Id).HasMaxLength(NameLength).IsRequired();
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Payload).IsRequired();
            e.HasIndex(x => new { x.InstanceId, x.Id }).IsUnique();
        });

        modelBuilder.Entity<WorkerEntity>(w =>
        {
            w.ToTable("workers");
            w.HasKey(x => x.NodeId);
            w.Property(x => x.NodeId).HasMaxLength(NameLength);
            w.Property(x => x.Role).HasMaxLength(20);
            w.Property(x => x.Groups).IsRequired();
            w.Property(x => x.Version).HasMaxLength(NameLength);
            w.HasIndex(x => x.LastSeen);
        });

        modelBuilder.Entity<ConnectionEntity>(c =>
        {
            c.ToTable("connections");
            c.HasKey(x => x.Key);
            c.Property(x => x.Key).HasMaxLength(IdLength);
            c.Property(x => x.Name).HasMaxLength(IdLength);
            c.Property(x => x.Kind).HasMaxLength(40);
            c.Property(x => x.ProtectedConnectionString).IsRequired();
            c.Property(x => x.OptionsJson).IsRequired();
        });
    }
}
