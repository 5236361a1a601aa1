using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Parsing;

namespace IkiBot.Knowledge;

/// <summary>The IKI document shipped inside the assembly: the default knowledge base.</summary>
public static class BundledDocument
{
    private const string ResourceName = "IkiBot.Knowledge.iki-dinas-tenaga-kerja.txt";

    public static byte[] ReadBytes()
    {
        using var stream = typeof(BundledDocument).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"Resource {ResourceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static KnowledgeBase Load() => new IkiDocumentParser().Parse(ReadBytes());
}
