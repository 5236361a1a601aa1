using Microsoft.Data.Sqlite;

namespace IkiBot.Data;

/// <summary>Turns what SQLite or the file system said into a short Indonesian reason for <see cref="DatabaseUnavailableException"/>.</summary>
public static class DatabaseFaults
{
    /// <summary>Null when the error is not about the database file (a bug, a cancellation): those are not disguised.</summary>
    public static string? Reason(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case SqliteException s:
                    return (s.SqliteErrorCode & 0xFF) switch
                    {
                        26 => "bukan berkas basis data SQLite (kepala berkas tidak dikenal)",
                        11 => "rusak",
                        8 => "tidak dapat ditulis (berkas atau foldernya hanya-baca)",
                        14 => "tidak dapat dibuka atau dibuat (periksa hak akses berkas dan foldernya)",
                        13 => "tidak dapat ditulis: disk penuh",
                        10 => "tidak dapat ditulis atau dibaca (galat disk, mis. disk penuh)",
                        5 or 6 => $"sedang dikunci proses lain lebih dari {Database.BusyTimeoutSeconds} detik",
                        3 or 23 => "tidak boleh diakses (hak akses)",
                        var code => $"tidak dapat dipakai (galat SQLite {code})",
                    };
                case not null when x.GetType().Assembly.GetName().Name == "Npgsql" && PostgresConnection.Reason(x) is { } postgres:
                    return postgres;
                case UnauthorizedAccessException:
                    return "tidak boleh diakses (periksa hak akses berkas dan foldernya)";
                case DirectoryNotFoundException:
                    return "ada di folder yang tidak dapat dibuat";
                case IOException io when (io.HResult & 0xFFFF) == 28: // ENOSPC
                    return "tidak dapat ditulis: disk penuh";
                case IOException:
                    return "tidak dapat dibaca/ditulis (galat disk)";
            }
        }
        return null;
    }
}
