namespace IkiBot.Data;

/// <summary>
/// The database file cannot be used (missing folder rights, not a SQLite file, corrupt, disk full, a directory, ...),
/// or the PostgreSQL server cannot be reached or refuses.
/// The message is one Indonesian line for the person starting the bot: the database, what is wrong, and the setting to change.
/// </summary>
public sealed class DatabaseUnavailableException(string path, string reason, Exception? inner = null, string? hint = null)
    : Exception($"Basis data tidak dapat dipakai: {(path.Length == 0 ? "(kosong)" : path)} {reason}. " +
                (hint ?? "Periksa berkas itu atau ganti pengaturan Database:Path (opsi --db)."), inner)
{
    public const string PostgresHint = "Periksa server PostgreSQL atau ganti pengaturan Database:ConnectionString.";

    public string DatabasePath { get; } = path;
}
