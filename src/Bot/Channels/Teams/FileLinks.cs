using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IkiBot.Bot.Channels.Teams;

/// <summary>
/// Short-lived signed download links for files the bot sends on Teams (/ekspor, /grafik): the file is kept in a
/// folder under a random id, the link is <c>/files/{token}</c> with the token = id, expiry and an HMAC-SHA256 over
/// both (key kept in the folder, so links survive a restart). One token opens one file until it expires; there is
/// no listing, and expired files are deleted.
/// </summary>
public sealed class FileLinks
{
    private readonly string _folder;
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public FileLinks(string folder, TimeProvider time)
    {
        _folder = Path.GetFullPath(folder);
        _time = time;
        Directory.CreateDirectory(_folder);
        var keyFile = Path.Combine(_folder, ".key");
        if (!File.Exists(keyFile)) File.WriteAllBytes(keyFile, RandomNumberGenerator.GetBytes(32));
        _key = File.ReadAllBytes(keyFile);
    }

    /// <summary>Keeps the file and returns its token, valid for <paramref name="lifetime"/>.</summary>
    public string Create(string fileName, string contentType, byte[] content, TimeSpan lifetime)
    {
        DeleteExpired();
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var expires = (_time.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        File.WriteAllBytes(Path.Combine(_folder, id + ".bin"), content);
        File.WriteAllText(Path.Combine(_folder, id + ".meta"),
            string.Join('\n', expires.ToString(CultureInfo.InvariantCulture), contentType, SafeName(fileName)));
        var body = $"{id}.{expires}";
        return $"{body}.{Sign(body)}";
    }

    /// <summary>The file for a valid, unexpired token; null otherwise (wrong signature, expired, gone).</summary>
    public (string FileName, string ContentType, byte[] Content)? Open(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0].Length != 32 || !parts[0].All(char.IsAsciiHexDigitLower)) return null;
        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2]))) return null;
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) ||
            _time.GetUtcNow().ToUnixTimeSeconds() >= expires) return null;
        var bin = Path.Combine(_folder, parts[0] + ".bin");
        var meta = Path.Combine(_folder, parts[0] + ".meta");
        if (!File.Exists(bin) || !File.Exists(meta)) return null;
        var lines = File.ReadAllText(meta).Split('\n');
        return (lines[2], lines[1], File.ReadAllBytes(bin));
    }

    private string Sign(string body) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body)));

    private void DeleteExpired()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var meta in Directory.EnumerateFiles(_folder, "*.meta"))
            try
            {
                if (long.TryParse(File.ReadLines(meta).First(), CultureInfo.InvariantCulture, out var expires) && expires <= now)
                {
                    File.Delete(Path.ChangeExtension(meta, ".bin"));
                    File.Delete(meta);
                }
            }
            catch (IOException) { }
    }

    private static string SafeName(string name)
    {
        var clean = new string(Path.GetFileName(name).Select(c => char.IsControl(c) || c is '"' or '\\' or '/' ? '_' : c).ToArray());
        return clean.Length == 0 ? "berkas" : clean;
    }
}
