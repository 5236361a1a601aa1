using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IkiBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue12KnowledgeBase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IndikatorKeyLama",
                table: "Target",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IndikatorKeyLama",
                table: "Realisasi",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "KbSinonim",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kata = table.Column<string>(type: "TEXT", nullable: false),
                    Istilah = table.Column<string>(type: "TEXT", nullable: false),
                    DibuatPada = table.Column<string>(type: "TEXT", nullable: false),
                    PenggunaId = table.Column<int>(type: "INTEGER", nullable: true),
                    DihapusPada = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbSinonim", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KbVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DibuatPada = table.Column<string>(type: "TEXT", nullable: false),
                    PenggunaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Oleh = table.Column<string>(type: "TEXT", nullable: false),
                    Sumber = table.Column<string>(type: "TEXT", nullable: false),
                    Keterangan = table.Column<string>(type: "TEXT", nullable: false),
                    Isi = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbVersion", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PertanyaanTakTerjawab",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Waktu = table.Column<string>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    ChannelUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Teks = table.Column<string>(type: "TEXT", nullable: false),
                    Kunci = table.Column<string>(type: "TEXT", nullable: false),
                    Jenis = table.Column<string>(type: "TEXT", nullable: false),
                    Ditawarkan = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PertanyaanTakTerjawab", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KbPerubahan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Waktu = table.Column<string>(type: "TEXT", nullable: false),
                    PenggunaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Oleh = table.Column<string>(type: "TEXT", nullable: false),
                    Jabatan = table.Column<string>(type: "TEXT", nullable: false),
                    Jenis = table.Column<string>(type: "TEXT", nullable: false),
                    ElemenId = table.Column<string>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", nullable: false),
                    Sebelum = table.Column<string>(type: "TEXT", nullable: true),
                    Sesudah = table.Column<string>(type: "TEXT", nullable: true),
                    MengurungkanId = table.Column<int>(type: "INTEGER", nullable: true),
                    DiurungkanOlehId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbPerubahan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KbPerubahan_KbVersion_VersionId",
                        column: x => x.VersionId,
                        principalTable: "KbVersion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KbPerubahan_ElemenId",
                table: "KbPerubahan",
                column: "ElemenId");

            migrationBuilder.CreateIndex(
                name: "IX_KbPerubahan_Jabatan_Waktu",
                table: "KbPerubahan",
                columns: new[] { "Jabatan", "Waktu" });

            migrationBuilder.CreateIndex(
                name: "IX_KbPerubahan_PenggunaId_Id",
                table: "KbPerubahan",
                columns: new[] { "PenggunaId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_KbPerubahan_VersionId",
                table: "KbPerubahan",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_KbSinonim_Kata",
                table: "KbSinonim",
                column: "Kata",
                unique: true,
                filter: "\"DihapusPada\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PertanyaanTakTerjawab_Kunci",
                table: "PertanyaanTakTerjawab",
                column: "Kunci");

            migrationBuilder.CreateIndex(
                name: "IX_PertanyaanTakTerjawab_Waktu",
                table: "PertanyaanTakTerjawab",
                column: "Waktu");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KbPerubahan");

            migrationBuilder.DropTable(
                name: "KbSinonim");

            migrationBuilder.DropTable(
                name: "PertanyaanTakTerjawab");

            migrationBuilder.DropTable(
                name: "KbVersion");

            migrationBuilder.DropColumn(
                name: "IndikatorKeyLama",
                table: "Target");

            migrationBuilder.DropColumn(
                name: "IndikatorKeyLama",
                table: "Realisasi");
        }
    }
}
