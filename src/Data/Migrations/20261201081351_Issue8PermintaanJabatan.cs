using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IkiBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue8PermintaanJabatan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PermintaanJabatan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PenggunaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Jabatan = table.Column<string>(type: "TEXT", nullable: false),
                    Peran = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    DiajukanPada = table.Column<string>(type: "TEXT", nullable: false),
                    DiputuskanPada = table.Column<string>(type: "TEXT", nullable: true),
                    DiputuskanOleh = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PermintaanJabatan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PermintaanJabatan_Pengguna_PenggunaId",
                        column: x => x.PenggunaId,
                        principalTable: "Pengguna",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PermintaanJabatan_PenggunaId_Status",
                table: "PermintaanJabatan",
                columns: new[] { "PenggunaId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PermintaanJabatan");
        }
    }
}
