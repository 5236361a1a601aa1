using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace IkiBot.Data.Tests;

/// <summary>A fresh SQLite file per test, opened through <see cref="Database.Open"/>, deleted on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    public const string Jabatan = "SEKSI X";
    public const string Key = "SEKSI X#3#jumlah pkwt yang dicatatkan";
    public const string Periode = "2026-11";

    public TempDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ikibot-data-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Folder, "ikibot.db");
        Factory = Database.Open(Path);
    }

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
        Factory = Database.Open(Path);
    }

    public Task<Pengguna> UserAsync(string channelUserId, string jabatan = Jabatan) =>
        Pengguna.RegisterAsync("telegram", channelUserId, "Pegawai " + channelUserId, jabatan, Peran.Staf,
            StatusPengguna.Aktif);

    public static NewRealisasi Report(int penggunaId, string messageId, int nilai, string jabatan = Jabatan,
        string key = Key, string periode = Periode) =>
        new(penggunaId, jabatan, key, 3, "Jumlah PKWT yang dicatatkan", periode, nilai, null, messageId);

    public long Scalar(string sql)
    {
        using var connection = new SqliteConnection(Factory.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    public string Text(string sql)
    {
        using var connection = new SqliteConnection(Factory.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar()) ?? "";
    }

    public void Dispose()
    {
        Factory.ReleaseConnections();
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
