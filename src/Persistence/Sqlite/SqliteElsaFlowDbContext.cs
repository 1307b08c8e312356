using ElsaFlow.Persistence.EntityFramework;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.Sqlite;

/// <summary>The SQLite flavour of the model; its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteElsaFlowDbContext(DbContextOptions<SqliteElsaFlowDbContext> options) : ElsaFlowDbContext(options);
