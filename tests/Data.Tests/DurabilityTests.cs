using System.Diagnostics;

namespace IkiBot.Data.Tests;

public sealed class DurabilityTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    /// <summary>
    /// A child process stores a report through RealisasiStore and SIGKILLs itself as soon as AddAsync returns,
    /// so nothing is disposed and the WAL is never checkpointed. The test then checks that the WAL was indeed
    /// left behind (the row is only there, not yet in the main file) and that a fresh Open finds the row.
    /// This fails if AddAsync returned before its transaction was committed to the file. It cannot show survival
    /// of an OS crash or power loss (synchronous=NORMAL may lose the last commits then), only of a process kill.
    /// </summary>
    [SqliteFact]
    public async Task Report_survives_a_hard_kill_right_after_the_commit()
    {
        _db.Factory.ReleaseConnections(); // last connection closes: SQLite checkpoints and removes the WAL
        var wal = _db.Path + "-wal";
        Assert.False(File.Exists(wal) && new FileInfo(wal).Length > 0, "precondition: no WAL content before the child runs");

        var child = StartChild(_db.Path, "telegram:kill-1");
        var stdout = await child.StandardOutput.ReadToEndAsync();
        var stderr = await child.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
            await child.WaitForExitAsync(timeout.Token);

        Assert.True(stdout.Contains("committed "), $"child did not report a commit. stdout: {stdout} stderr: {stderr}");
        Assert.Equal(137, child.ExitCode); // 128 + SIGKILL: it really died hard
        Assert.True(File.Exists(wal) && new FileInfo(wal).Length > 0, "the killed child should have left its WAL behind");

        _db.Restart();
        var found = await _db.Realisasi.FindByMessageIdAsync("telegram:kill-1");
        Assert.NotNull(found);
        Assert.Equal(7, found.Nilai);
        Assert.Equal(int.Parse(stdout.Trim().Split(' ')[1]), found.Id);
        Assert.Equal(7, await _db.Realisasi.TotalAsync(TempDatabase.Jabatan, TempDatabase.Key, TempDatabase.Periode));
        Assert.Contains(await _db.Audit.RecentAsync(), a => a.Aksi == "realisasi.lapor");
    }

    private static Process StartChild(string dbPath, string messageId)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        info.ArgumentList.Add(Program.ReportThenDie);
        info.ArgumentList.Add(dbPath);
        info.ArgumentList.Add(messageId);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the child process");
    }

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
            return fromSdk;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
            return self;
        return "dotnet";
    }
}
