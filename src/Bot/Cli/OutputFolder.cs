namespace IkiBot.Bot.Cli;

public static class OutputFolder
{
    /// <summary>A file is written only into a folder that exists: a typo in --out must not create folders silently.</summary>
    public static void Require(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            throw new UsageException($"Folder \"{folder}\" tidak ada. Buat dulu foldernya, atau pilih --out di folder yang ada.");
    }
}
