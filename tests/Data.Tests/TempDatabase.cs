using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace IkiBot.Data.Tests;

/// <summary>
/// A fresh database per test, deleted on dispose: a SQLite file opened through <see cref="Database.Open"/>, or, when
/// <see cref="TestProvider.IsPostgres"/>, a new PostgreSQL database opened through <see cref="Database.OpenPostgres"/>.
/// Raw SQL in tests quotes its identifiers ("Realisasi") so it reads the same on both.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    public const string Jabatan = "SEKSI X";
    public const string Key = "SEKSI X#3#jumlah pkwt yang dicatatkan";
    public const string Periode = "2026-11";

    public TempDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ikibot-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        if (TestProvider.IsPostgres)
        {
            _postgres = PostgresTestServer.CreateDatabase();
            Factory = Database.OpenPostgres(_postgres);
            Path = Factory.Path;
        }
        else
        {
            Path = System.IO.Path.Combine(Folder, "ikibot.db");
            Factory = Database.Open(Path);
        }
    }

    private readonly string? _postgres;

    public string Folder { get; }
    public string Path { get; }
    public IkiDbContextFactory Factory { get; private set; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 3, 1, 0, 0, TimeSpan.Zero));

    public PenggunaStore Pengguna => new(Factory, Clock);
    public RealisasiStore Realisasi => new(Factory, Clock);
    public TargetStore Target => new(Factory, Clock);
    public ProcessedMessageStore Processed => new(Factory, Clock);
    public AuditStore Audit => new(Factory);

    /// <summary>Simulates a bot restart: pooled connections closed, a new factory from a new Open.</summary>
    public void Restart()
    {
        Factory.ReleaseConnections();
        Factory = _postgres is not null ? Database.OpenPostgres(_postgres) : Database.Open(Path);
    }

    public Task<Pengguna> UserAsync(string channelUserId, string jabatan = Jabatan) =>
        Pengguna.RegisterAsync("telegram", channelUserId, "Pegawai " + channelUserId, jabatan, Peran.Staf,
            StatusPengguna.Aktif);

    public static NewRealisasi Report(int penggunaId, string messageId, int nilai, string jabatan = Jabatan,
        string key = Key, string periode = Periode) =>
        new(penggunaId, jabatan, key, 3, "Jumlah PKWT yang dicatatkan", periode, nilai, null, messageId);

    public long Scalar(string sql) => Convert.ToInt64(Execute(sql));

    public string Text(string sql) => Convert.ToString(Execute(sql)) ?? "";

    /// <summary>Every table's and index's definition, in name order: the schema as the database itself states it.</summary>
    public string SchemaText() => Text(_postgres is not null
        ? """
          SELECT string_agg(line, ';' ORDER BY line) FROM (
            SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS line
              FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public') s
          """
        : "SELECT group_concat(line, ';') FROM (SELECT name || '.' || ' ' || sql AS line FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name)");

    private object? Execute(string sql)
    {
        using DbConnection connection = _postgres is not null
            ? new NpgsqlConnection(Factory.ConnectionString)
            : new SqliteConnection(Factory.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        Factory.ReleaseConnections();
        if (_postgres is not null) PostgresTestServer.DropDatabase(_postgres);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
