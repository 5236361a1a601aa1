using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IkiBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue13CoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Realisasi_Jabatan_IndikatorKey_Periode",
                table: "Realisasi");

            migrationBuilder.DropIndex(
                name: "IX_Realisasi_Periode",
                table: "Realisasi");

            migrationBuilder.CreateIndex(
                name: "IX_Realisasi_Jabatan_IndikatorKey_Periode_Dibatalkan_Nilai",
                table: "Realisasi",
                columns: new[] { "Jabatan", "IndikatorKey", "Periode", "Dibatalkan", "Nilai" });

            migrationBuilder.CreateIndex(
                name: "IX_Realisasi_Periode_Jabatan_IndikatorKey_Dibatalkan_Nilai",
                table: "Realisasi",
                columns: new[] { "Periode", "Jabatan", "IndikatorKey", "Dibatalkan", "Nilai" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Realisasi_Jabatan_IndikatorKey_Periode_Dibatalkan_Nilai",
                table: "Realisasi");

            migrationBuilder.DropIndex(
                name: "IX_Realisasi_Periode_Jabatan_IndikatorKey_Dibatalkan_Nilai",
                table: "Realisasi");

            migrationBuilder.CreateIndex(
                name: "IX_Realisasi_Jabatan_IndikatorKey_Periode",
                table: "Realisasi",
                columns: new[] { "Jabatan", "IndikatorKey", "Periode" });

            migrationBuilder.CreateIndex(
                name: "IX_Realisasi_Periode",
                table: "Realisasi",
                column: "Periode");
        }
    }
}
