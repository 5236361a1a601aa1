namespace IkiBot.Data;

/// <summary>
/// An exclusive OS file lock next to the database ("ikibot.db.migrate-lock"), held while a process applies
/// migrations. The OS drops it when its holder dies (even by kill -9), unlike EF Core's "__EFMigrationsLock" row,
/// which stays behind and makes every later start wait for ever. So: whoever holds the gate knows that no other
/// IkiBot process is migrating, and a row left in __EFMigrationsLock is stale.
/// </summary>
internal sealed class MigrationGate : IDisposable
{
    private readonly FileStream _lock;

    private MigrationGate(FileStream @lock) => _lock = @lock;

    public static string LockPath(string databasePath) => databasePath + ".migrate-lock";

    /// <summary>Waits at most <paramref name="wait"/> for another process's migration to finish.</summary>
    /// <exception cref="DatabaseUnavailableException">The gate stayed taken for the whole wait.</exception>
    public static MigrationGate Acquire(string databasePath, TimeSpan wait)
    {
        var path = LockPath(databasePath);
        var deadline = DateTime.UtcNow + wait;
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock() on Unix and a share-mode lock on Windows.
                return new MigrationGate(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(delay);
                if (delay < TimeSpan.FromMilliseconds(500)) delay *= 2;
            }
            catch (IOException)
            {
                throw new DatabaseUnavailableException(databasePath,
                    $"sedang disiapkan (migrasi) oleh proses IkiBot lain lebih dari {wait.TotalSeconds:0} detik (kunci {path})");
            }
        }
    }

    public void Dispose() => _lock.Dispose();
}
