namespace IkiBot.Data;

/// <summary>Stored as "staf" / "atasan" / "admin".</summary>
public enum Peran
{
    Staf,
    Atasan,
    Admin,
}
