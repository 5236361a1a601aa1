using Microsoft.EntityFrameworkCore;
// Floor: how much RSS the runtime alone, + HttpClient polling, + EF Core SQLite one query, take on this machine.
var mode = args.Length > 0 ? args[0] : "hello";
if (mode != "hello")
{
    var http = new HttpClient();
    try { await http.GetStringAsync("http://127.0.0.1:1/"); } catch { }
}
if (mode == "ef")
{
    using var db = new Db(args[1]);
    Console.WriteLine(db.Pengguna.Where(p => p.Channel == "telegram").OrderBy(p => p.Id).Take(5).ToList().Count);
    Console.WriteLine(db.Pengguna.Count(p => p.Jabatan != null));
}
Console.WriteLine("ready " + Environment.ProcessId);
Thread.Sleep(Timeout.Infinite);

sealed class Pengguna { public int Id { get; set; } public string Channel { get; set; } = ""; public string ChannelUserId { get; set; } = ""; public string? Jabatan { get; set; } }
sealed class Db(string path) : DbContext
{
    public DbSet<Pengguna> Pengguna => Set<Pengguna>();
    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=" + path);
}
