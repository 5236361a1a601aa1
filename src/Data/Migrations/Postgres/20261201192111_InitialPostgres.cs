using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IkiBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Waktu = table.Column<string>(type: "text", nullable: false),
                    PenggunaId = table.Column<int>(type: "integer", nullable: true),
                    Aksi = table.Column<string>(type: "text", nullable: false),
                    Rincian = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ButtonPayload",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ButtonPayload", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChannelCursor",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "text", nullable: false),
                    LastUpdateId = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelCursor", x => x.Channel);
                });

            migrationBuilder.CreateTable(
                name: "KbSinonim",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kata = table.Column<string>(type: "text", nullable: false),
                    Istilah = table.Column<string>(type: "text", nullable: false),
                    DibuatPada = table.Column<string>(type: "text", nullable: false),
                    PenggunaId = table.Column<int>(type: "integer", nullable: true),
                    DihapusPada = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbSinonim", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KbVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DibuatPada = table.Column<string>(type: "text", nullable: false),
                    PenggunaId = table.Column<int>(type: "integer", nullable: true),
                    Oleh = table.Column<string>(type: "text", nullable: false),
                    Sumber = table.Column<string>(type: "text", nullable: false),
                    Keterangan = table.Column<string>(type: "text", nullable: false),
                    Isi = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbVersion", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    ChatId = table.Column<string>(type: "text", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    File = table.Column<byte[]>(type: "bytea", nullable: true),
                    CreatedAt = table.Column<string>(type: "text", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    FailedAt = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessage", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Pengguna",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    ChannelUserId = table.Column<string>(type: "text", nullable: false),
                    NamaTampilan = table.Column<string>(type: "text", nullable: false),
                    Jabatan = table.Column<string>(type: "text", nullable: true),
                    Peran = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    DibuatPada = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pengguna", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PertanyaanTakTerjawab",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Waktu = table.Column<string>(type: "text", nullable: false),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    ChannelUserId = table.Column<string>(type: "text", nullable: false),
                    Teks = table.Column<string>(type: "text", nullable: false),
                    Kunci = table.Column<string>(type: "text", nullable: false),
                    Jenis = table.Column<string>(type: "text", nullable: false),
                    Ditawarkan = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PertanyaanTakTerjawab", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedMessage",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "text", nullable: false),
                    MessageId = table.Column<string>(type: "text", nullable: false),
                    ProcessedAt = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedMessage", x => new { x.Channel, x.MessageId });
                });

            migrationBuilder.CreateTable(
                name: "ReminderRun",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Slot = table.Column<string>(type: "text", nullable: false),
                    FinishedAt = table.Column<string>(type: "text", nullable: false),
                    Sent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderRun", x => new { x.Kind, x.Slot });
                });

            migrationBuilder.CreateTable(
                name: "TeamsConversation",
                columns: table => new
                {
                    UserKey = table.Column<string>(type: "text", nullable: false),
                    TeamsUserId = table.Column<string>(type: "text", nullable: false),
                    ServiceUrl = table.Column<string>(type: "text", nullable: false),
                    ConversationId = table.Column<string>(type: "text", nullable: false),
                    BotId = table.Column<string>(type: "text", nullable: false),
                    BotName = table.Column<string>(type: "text", nullable: true),
                    TenantId = table.Column<string>(type: "text", nullable: true),
                    ChannelId = table.Column<string>(type: "text", nullable: true),
                    GreetedAt = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamsConversation", x => x.UserKey);
                });

            migrationBuilder.CreateTable(
                name: "KbPerubahan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    Waktu = table.Column<string>(type: "text", nullable: false),
                    PenggunaId = table.Column<int>(type: "integer", nullable: true),
                    Oleh = table.Column<string>(type: "text", nullable: false),
                    Jabatan = table.Column<string>(type: "text", nullable: false),
                    Jenis = table.Column<string>(type: "text", nullable: false),
                    ElemenId = table.Column<string>(type: "text", nullable: false),
                    Label = table.Column<string>(type: "text", nullable: false),
                    Sebelum = table.Column<string>(type: "text", nullable: true),
                    Sesudah = table.Column<string>(type: "text", nullable: true),
                    MengurungkanId = table.Column<int>(type: "integer", nullable: true),
                    DiurungkanOlehId = table.Column<int>(type: "integer", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "PermintaanJabatan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PenggunaId = table.Column<int>(type: "integer", nullable: false),
                    Jabatan = table.Column<string>(type: "text", nullable: false),
                    Peran = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    DiajukanPada = table.Column<string>(type: "text", nullable: false),
                    DiputuskanPada = table.Column<string>(type: "text", nullable: true),
                    DiputuskanOleh = table.Column<int>(type: "integer", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "Realisasi",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PenggunaId = table.Column<int>(type: "integer", nullable: false),
                    Jabatan = table.Column<string>(type: "text", nullable: false),
                    IndikatorKey = table.Column<string>(type: "text", nullable: false),
                    IndikatorKeyLama = table.Column<string>(type: "text", nullable: true),
                    IndikatorNo = table.Column<int>(type: "integer", nullable: false),
                    IndikatorTeks = table.Column<string>(type: "text", nullable: false),
                    Periode = table.Column<string>(type: "text", nullable: false),
                    Nilai = table.Column<int>(type: "integer", nullable: false),
                    Catatan = table.Column<string>(type: "text", nullable: true),
                    DibuatPada = table.Column<string>(type: "text", nullable: false),
                    MessageId = table.Column<string>(type: "text", nullable: false),
                    Jenis = table.Column<string>(type: "text", nullable: false),
                    Dibatalkan = table.Column<bool>(type: "boolean", nullable: false),
                    DibatalkanPada = table.Column<string>(type: "text", nullable: true),
                    DibatalkanOlehMessageId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Realisasi", x => x.Id);
                    table.CheckConstraint("CK_Realisasi_Nilai", "\"Nilai\" >= 0");
                    table.CheckConstraint("CK_Realisasi_Periode", "\"Periode\" ~ '^[0-9]{4}-[01][0-9]$'");
                    table.ForeignKey(
                        name: "FK_Realisasi_Pengguna_PenggunaId",
                        column: x => x.PenggunaId,
                        principalTable: "Pengguna",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReminderDelivery",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Slot = table.Column<string>(type: "text", nullable: false),
                    PenggunaId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderDelivery", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderDelivery_Pengguna_PenggunaId",
                        column: x => x.PenggunaId,
                        principalTable: "Pengguna",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderPreference",
                columns: table => new
                {
                    PenggunaId = table.Column<int>(type: "integer", nullable: false),
                    Off = table.Column<bool>(type: "boolean", nullable: false),
                    PausedUntil = table.Column<string>(type: "text", nullable: true),
                    BlockedAt = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderPreference", x => x.PenggunaId);
                    table.ForeignKey(
                        name: "FK_ReminderPreference_Pengguna_PenggunaId",
                        column: x => x.PenggunaId,
                        principalTable: "Pengguna",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Target",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Jabatan = table.Column<string>(type: "text", nullable: false),
                    IndikatorKey = table.Column<string>(type: "text", nullable: false),
                    IndikatorKeyLama = table.Column<string>(type: "text", nullable: true),
                    Tahun = table.Column<int>(type: "integer", nullable: false),
                    Nilai = table.Column<int>(type: "integer", nullable: false),
                    Satuan = table.Column<string>(type: "text", nullable: true),
                    DiubahPada = table.Column<string>(type: "text", nullable: false),
                    DiubahOleh = table.Column<int>(type: "integer", nullable: true)
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
                name: "IX_ButtonPayload_CreatedAt",
                table: "ButtonPayload",
                column: "CreatedAt");

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
                name: "IX_OutboxMessage_Channel_FailedAt_Id",
                table: "OutboxMessage",
                columns: new[] { "Channel", "FailedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Pengguna_Channel_ChannelUserId",
                table: "Pengguna",
                columns: new[] { "Channel", "ChannelUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PermintaanJabatan_PenggunaId_Status",
                table: "PermintaanJabatan",
                columns: new[] { "PenggunaId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PertanyaanTakTerjawab_Kunci",
                table: "PertanyaanTakTerjawab",
                column: "Kunci");

            migrationBuilder.CreateIndex(
                name: "IX_PertanyaanTakTerjawab_Waktu",
                table: "PertanyaanTakTerjawab",
                column: "Waktu");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedMessage_ProcessedAt",
                table: "ProcessedMessage",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Realisasi_DibatalkanOlehMessageId",
                table: "Realisasi",
                column: "DibatalkanOlehMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Realisasi_Jabatan_IndikatorKey_Periode_Dibatalkan_Nilai",
                table: "Realisasi",
                columns: new[] { "Jabatan", "IndikatorKey", "Periode", "Dibatalkan", "Nilai" });

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
                name: "IX_Realisasi_Periode_Jabatan_IndikatorKey_Dibatalkan_Nilai",
                table: "Realisasi",
                columns: new[] { "Periode", "Jabatan", "IndikatorKey", "Dibatalkan", "Nilai" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDelivery_Kind_Slot_PenggunaId",
                table: "ReminderDelivery",
                columns: new[] { "Kind", "Slot", "PenggunaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDelivery_PenggunaId",
                table: "ReminderDelivery",
                column: "PenggunaId");

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
                name: "ButtonPayload");

            migrationBuilder.DropTable(
                name: "ChannelCursor");

            migrationBuilder.DropTable(
                name: "KbPerubahan");

            migrationBuilder.DropTable(
                name: "KbSinonim");

            migrationBuilder.DropTable(
                name: "OutboxMessage");

            migrationBuilder.DropTable(
                name: "PermintaanJabatan");

            migrationBuilder.DropTable(
                name: "PertanyaanTakTerjawab");

            migrationBuilder.DropTable(
                name: "ProcessedMessage");

            migrationBuilder.DropTable(
                name: "Realisasi");

            migrationBuilder.DropTable(
                name: "ReminderDelivery");

            migrationBuilder.DropTable(
                name: "ReminderPreference");

            migrationBuilder.DropTable(
                name: "ReminderRun");

            migrationBuilder.DropTable(
                name: "Target");

            migrationBuilder.DropTable(
                name: "TeamsConversation");

            migrationBuilder.DropTable(
                name: "KbVersion");

            migrationBuilder.DropTable(
                name: "Pengguna");
        }
    }
}
