using Microsoft.Data.Sqlite;

namespace IkiBot.Data;

/// <summary>
/// `ikibot db backup --out FILE`: a consistent copy made with SQLite's online backup API, safe while the bot runs
/// (WAL: the bot keeps reading and writing; the copy is the state at one moment, committed WAL frames included).
/// </summary>
public static class DatabaseBackup
{
    /// <returns>The full path of the new file.</returns>
    /// <exception cref="IOException">The copy could not be written (one Indonesian line); no partial file is left.</exception>
    public static string Run(IkiDbContextFactory source, string outPath)
    {
        if (source.Provider != DatabaseProvider.Sqlite)
            throw new IOException("db backup hanya untuk SQLite. Untuk PostgreSQL pakai pg_dump (mis. pg_dump -Fc -f cadangan.dump NAMA_DB).");
        var target = Path.GetFullPath(outPath);
        if (File.Exists(target) || Directory.Exists(target))
            throw new IOException($"Berkas {target} sudah ada; pilih nama lain (cadangan tidak menimpa berkas).");
        if (string.Equals(target, source.Path, StringComparison.Ordinal))
            throw new IOException("Cadangan tidak boleh ditulis ke berkas basis data itu sendiri.");
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var from = new SqliteConnection(source.ConnectionString))
            using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to);
                using var check = to.CreateCommand();
                check.CommandText = "PRAGMA journal_mode=DELETE; PRAGMA quick_check(1);";
                using var reader = check.ExecuteReader();
                reader.NextResult();
                if (!reader.Read() || reader.GetString(0) != "ok")
                    throw new IOException("Salinan gagal diperiksa (quick_check).");
            }
            File.Move(temporary, target);
            return target;
        }
        catch (Exception e) when (e is SqliteException or UnauthorizedAccessException || e is IOException && !e.Message.StartsWith("Salinan"))
        {
            throw new IOException($"Cadangan ke {target} gagal: berkas {DatabaseFaults.Reason(e) ?? "tidak dapat ditulis"}.", e);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
