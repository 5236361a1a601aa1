namespace IkiBot.Knowledge.Understanding;

/// <summary>What a question asks and about whom. With <see cref="NeedsChoice"/> the jabatan list holds the choices to ask back.</summary>
public sealed record Interpretation(Intent Intent, IReadOnlyList<RankedJabatan> Jabatan, bool NeedsChoice)
{
    public static readonly Interpretation Unknown = new(Intent.Unknown, [], false);

    /// <summary>A greeting, thanks, "apa itu IKI" or a topic outside the document (with Intent.Unknown); None otherwise.</summary>
    public SmallTalk SmallTalk { get; init; }

    /// <summary>"siapa kepala dinas": asks who holds the jabatan; the document names no one, the answer says so.</summary>
    public bool AsksHolder { get; init; }
}
