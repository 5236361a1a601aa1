using IkiBot.Knowledge.Model;

namespace IkiBot.Eval;

/// <summary>
/// The ways staff write a jabatan's name, derived from the name itself (the evaluation's own derivation, written apart
/// from the bot's): a role word for the level, then the unit written in full, without "dan", as an initialism
/// (with a doubled letter as a digit), with TK / DN / LN, or with an office shortening of its field.
/// Each form has a kind; the held-out split is by (jabatan, kind).
/// </summary>
public static class EvalNameForms
{
    public sealed record Form(string Kind, string Text);

    private static readonly (string Prefix, string[] Roles)[] Levels =
    [
        ("KEPALA SUB BAGIAN ", ["kasubag", "kasubbag", "kepala subbag", "kepala sub bagian"]),
        ("KEPALA BIDANG ", ["kabid", "kepala bidang", "kabid bidang"]),
        ("SEKSI ", ["kasi", "kasie", "kepala seksi", "seksi"]),
        ("PENGADMINISTRASI ", ["staf", "pengadministrasi", "staf pengadministrasi", "petugas pengadministrasi"]),
    ];

    private static readonly Dictionary<string, string> Shortenings = new()
    {
        ["ketenagakerjaan"] = "naker", ["tenaga kerja"] = "tk", ["luar negeri"] = "ln", ["dalam negeri"] = "dn",
        ["monitoring dan evaluasi"] = "monev", ["hubungan industrial"] = "hi", ["jaminan sosial"] = "jamsos",
        ["penempatan dan perluasan kesempatan kerja"] = "penta", ["pendataan dan informasi"] = "datin",
    };

    public static IReadOnlyList<Form> Of(Jabatan j)
    {
        var name = j.Nama.ToLowerInvariant().Replace(",", "").Replace("&", "dan");
        var forms = new List<Form>();
        switch (j.Nama)
        {
            case "KEPALA DINAS":
                return [new("full", "kepala dinas"), new("role", "kadis"), new("role2", "kadisnaker"), new("long", "kepala dinas tenaga kerja")];
            case "SEKRETARIS":
                return [new("full", "sekretaris"), new("role", "sekdin"), new("role2", "sekdis"), new("long", "sekretaris dinas")];
            case "BENDAHARA":
                return [new("full", "bendahara"), new("role", "bendahara dinas"), new("long", "bendahara pengeluaran")];
            case "ADMINISTRASI UMUM":
                return [new("full", "administrasi umum"), new("role", "jabatan administrasi umum"), new("short", "adm umum")];
        }
        var level = Levels.FirstOrDefault(l => j.Nama.StartsWith(l.Prefix));
        if (level.Prefix is null) return [new("full", name)];
        var unit = name[level.Prefix.Length..];
        var units = new List<(string Kind, string Text)> { ("unit", unit) };
        var noDan = unit.Replace(" dan ", " ");
        if (noDan != unit) units.Add(("nodan", noDan));
        var words = noDan.Split(' ');
        if (words.Length >= 2)
        {
            var initials = string.Concat(words.Select(w => w[0]));
            units.Add(("initialism", initials));
            var digit = Doubled(initials);
            if (digit != initials) units.Add(("digit", digit));
            if (unit.Contains(" dan "))
                units.Add(("initialism-dan", string.Concat(unit.Split(' ').Select(w => w == "dan" ? "&" : w[0].ToString()))));
        }
        var shortened = unit;
        foreach (var (full, s) in Shortenings) shortened = shortened.Replace(full, s);
        if (shortened != unit) units.Add(("shortening", shortened));
        for (var u = 0; u < units.Count; u++)
        {
            var role = level.Roles[u % level.Roles.Length];
            forms.Add(new(units[u].Kind, $"{role} {units[u].Text}"));
            if (u == 0)
                foreach (var other in level.Roles.Skip(1))
                    forms.Add(new("role:" + other, $"{other} {units[u].Text}"));
        }
        return forms;
    }

    /// <summary>"ppkk" -> "p2kk": a letter written twice in a row becomes the letter and 2.</summary>
    private static string Doubled(string initials)
    {
        for (var i = 0; i + 1 < initials.Length; i++)
            if (initials[i] == initials[i + 1]) return initials[..(i + 1)] + "2" + initials[(i + 2)..];
        return initials;
    }
}
