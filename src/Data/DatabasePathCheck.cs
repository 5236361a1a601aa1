namespace IkiBot.Data;

/// <summary>The setting Database:Path must name a regular file (existing or to be created), never a folder or a device.</summary>
internal static class DatabasePathCheck
{
    private static readonly string[] SystemFolders = ["/dev/", "/proc/", "/sys/"];

    public static string Check(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new DatabaseUnavailableException("", "bukan nama berkas");
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new DatabaseUnavailableException(path, "bukan nama berkas yang sah", e);
        }
        if (Directory.Exists(full) || full.EndsWith(Path.DirectorySeparatorChar))
            throw new DatabaseUnavailableException(full, "adalah folder, bukan berkas");
        var real = full;
        try
        {
            if (File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target) real = target.FullName;
        }
        catch (IOException)
        {
            // A broken or looping link: SQLite will report it when opening.
        }
        if (!OperatingSystem.IsWindows() && SystemFolders.Any(f => real.StartsWith(f, StringComparison.Ordinal)))
            throw new DatabaseUnavailableException(full, "bukan berkas biasa (perangkat atau berkas sistem)");
        return full;
    }
}
