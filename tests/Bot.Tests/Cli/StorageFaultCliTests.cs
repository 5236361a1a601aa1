using System.Diagnostics;
using System.Security.Cryptography;

namespace IkiBot.Bot.Tests.Cli;

/// <summary>Issue 8 item 5 through Program.Main: a database file that cannot be used gives one Indonesian line and exit code 1.</summary>
[Collection("console")]
public sealed class StorageFaultCliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ikibot-cli-faults", Guid.NewGuid().ToString("N"));

    public StorageFaultCliTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => ProgramRun.Of(args);

    public static TheoryData<string> Faults => new() { "empty", "blank", "folder", "device", "garbage", "text" };

    [Theory]
    [MemberData(nameof(Faults))]
    public void An_unusable_database_gives_one_Indonesian_line_naming_file_and_setting_and_exit_1(string fault)
    {
        var path = fault switch
        {
            "empty" => "",
            "blank" => "  ",
            "folder" => _folder,
            "device" => "/dev/null",
            _ => Path.Combine(_folder, fault + ".db"),
        };
        if (fault == "garbage") File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(4096));
        if (fault == "text") File.WriteAllText(path, "halo\n");
        var before = File.Exists(path) && fault != "device" ? File.ReadAllBytes(path) : null;

        foreach (var verb in new[] { new[] { "realisasi", "list" }, ["users", "list", "--json"], ["report", "--as", "BENDAHARA", "SPP diajukan 2"] })
        {
            var (code, output, err) = Run([.. verb, "--db", path]);

            Assert.Equal(1, code);
            Assert.Equal("", output);
            var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Basis data tidak dapat dipakai:", line);
            Assert.Contains("Database:Path", line);
            if (path.Trim().Length > 0) Assert.Contains(Path.GetFullPath(path).TrimEnd('/'), line);
            Assert.DoesNotContain("Exception", line);
        }
        if (before is not null) Assert.Equal(before, File.ReadAllBytes(path));
    }

    /// <summary>
    /// A full disk, simulated with a file size limit (ulimit -f, SIGXFSZ ignored so the write fails with EFBIG): the
    /// start stops with one line, and once there is room again the same file starts normally.
    /// </summary>
    [Fact]
    public async Task A_full_disk_stops_the_start_with_one_line_and_the_file_works_once_there_is_room()
    {
        if (!OperatingSystem.IsLinux()) return;
        var db = Path.Combine(_folder, "full.db");
        var dll = Path.Combine(AppContext.BaseDirectory, "ikibot.dll");
        var psi = new ProcessStartInfo("bash", ["-c", $"trap '' XFSZ; ulimit -f 16; exec dotnet \"{dll}\" realisasi list --db \"{db}\""])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The runtime's W^X double mapping needs a file larger than the limit; without it the runtime starts.
        psi.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120))) await p.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, p.ExitCode);
        var line = Assert.Single((await err).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(db, line);
        Assert.Contains("Database:Path", line);
        Assert.Contains("disk penuh", line);

        Assert.Equal(0, Run("realisasi", "list", "--db", db).Code);
    }
}
