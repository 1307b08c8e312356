using ElsaFlow.Persistence.EntityFramework;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.Postgres;

/// <summary>The PostgreSQL flavour of the model (Npgsql); its migrations are in Migrations/Postgres.</summary>
public sealed class PostgresElsaFlowDbContext(DbContextOptions<PostgresElsaFlowDbContext> options) : ElsaFlowDbContext(options);
