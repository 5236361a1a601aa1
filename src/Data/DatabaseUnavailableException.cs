namespace IkiBot.Data;

/// <summary>
/// The database file cannot be used (missing folder rights, not a SQLite file, corrupt, disk full, a directory, ...).
/// The message is one Indonesian line for the person starting the bot: the file, what is wrong, and the setting to change.
/// </summary>
public sealed class DatabaseUnavailableException(string path, string reason, Exception? inner = null)
    : Exception($"Basis data tidak dapat dipakai: {(path.Length == 0 ? "(kosong)" : path)} {reason}. " +
                "Periksa berkas itu atau ganti pengaturan Database:Path (opsi --db).", inner)
{
    public string DatabasePath { get; } = path;
}
