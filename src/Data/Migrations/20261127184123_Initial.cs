using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IkiBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Waktu = table.Column<string>(type: "TEXT", nullable: false),
                    PenggunaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Aksi = table.Column<string>(type: "TEXT", nullable: false),
                    Rincian = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Pengguna",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    ChannelUserId = table.Column<string>(type: "TEXT", nullable: false),
                    NamaTampilan = table.Column<string>(type: "TEXT", nullable: false),
                    Jabatan = table.Column<string>(type: "TEXT", nullable: true),
                    Peran = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    DibuatPada = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pengguna", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedMessage",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedMessage", x => new { x.Channel, x.MessageId });
                });

            migrationBuilder.CreateTable(
                name: "Realisasi",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PenggunaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Jabatan = table.Column<string>(type: "TEXT", nullable: false),
                    IndikatorKey = table.Column<string>(type: "TEXT", nullable: false),
                    IndikatorNo = table.Column<int>(type: "INTEGER", nullable: false),
                    IndikatorTeks = table.Column<string>(type: "TEXT", nullable: false),
                    Periode = table.Column<string>(type: "TEXT", nullable: false),
                    Nilai = table.Column<int>(type: "INTEGER", nullable: false),
                    Catatan = table.Column<string>(type: "TEXT", nullable: true),
                    DibuatPada = table.Column<string>(type: "TEXT", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", nullable: false),
                    Jenis = table.Column<string>(type: "TEXT", nullable: false),
                    Dibatalkan = table.Column<bool>(type: "INTEGER", nullable: false),
                    DibatalkanPada = table.Column<string>(type: "TEXT", nullable: true),
                    DibatalkanOlehMessageId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Realisasi", x => x.Id);
                    table.CheckConstraint("CK_Realisasi_Nilai", "\"Nilai\" >= 0");
                    table.CheckConstraint("CK_Realisasi_Periode", "\"Periode\" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'");
                    table.ForeignKey(
                        name: "FK_Realisasi_Pengguna_PenggunaId",
                        column: x => x.PenggunaId,
                        principalTable: "Pengguna",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Target",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Jabatan = table.Column<string>(type: "TEXT", nullable: false),
                    IndikatorKey = table.Column<string>(type: "TEXT", nullable: false),
                    Tahun = table.Column<int>(type: "INTEGER", nullable: false),
                    Nilai = table.Column<int>(type: "INTEGER", nullable: false),
                    Satuan = table.Column<string>(type: "TEXT", nullable: true),
                    DiubahPada = table.Column<string>(type: "TEXT", nullable: false),
                    DiubahOleh = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Target", x => x.Id);
                    table.CheckConstraint("CK_Target_Nilai", "\"Nilai\" >= 0");
                    table.ForeignKey(
                        name: "FK_Target_Pengguna_DiubahOleh",
                        column: x => x.DiubahOleh,
                        principalTable: "Pengguna",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntry_Waktu",
                table: "AuditEntry",
                column: "Waktu");

            migrationBuilder.CreateIndex(
                name: "IX_Pengguna_Channel_ChannelUserId",
                table: "Pengguna",
                columns: new[] { "Channel", "ChannelUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedMessage_ProcessedAt",
                table: "ProcessedMessage",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Realisasi_DibatalkanOlehMessageId",
                table: "Realisasi",
                column: "DibatalkanOlehMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Realisasi_Jabatan_IndikatorKey_Periode",
                table: "Realisasi",
                columns: new[] { "Jabatan", "IndikatorKey", "Periode" });

            migrationBuilder.CreateIndex(
                name: "IX_Realisasi_MessageId",
                table: "Realisasi",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Realisasi_PenggunaId_DibuatPada",
                table: "Realisasi",
                columns: new[] { "PenggunaId", "DibuatPada" });

            migrationBuilder.CreateIndex(
                name: "IX_Realisasi_Periode",
                table: "Realisasi",
                column: "Periode");

            migrationBuilder.CreateIndex(
                name: "IX_Target_DiubahOleh",
                table: "Target",
                column: "DiubahOleh");

            migrationBuilder.CreateIndex(
                name: "IX_Target_Jabatan_IndikatorKey_Tahun",
                table: "Target",
                columns: new[] { "Jabatan", "IndikatorKey", "Tahun" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntry");

            migrationBuilder.DropTable(
                name: "ProcessedMessage");

            migrationBuilder.DropTable(
                name: "Realisasi");

            migrationBuilder.DropTable(
                name: "Target");

            migrationBuilder.DropTable(
                name: "Pengguna");
        }
    }
}
