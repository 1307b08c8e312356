namespace ElsaFlow.Persistence;

/// <summary>Where the store keeps its data.</summary>
public enum StoreProvider
{
    /// <summary>An embedded SQLite file (the default); the connection string is a SQLite connection string.</summary>
    Sqlite,

    /// <summary>MySQL or MariaDB through Pomelo.</summary>
    MySql,

    /// <summary>PostgreSQL through Npgsql.</summary>
    Postgres,

    /// <summary>MongoDB; the connection string names the database (mongodb://host/database), else "elsaflow" is used.</summary>
    Mongo,
}
