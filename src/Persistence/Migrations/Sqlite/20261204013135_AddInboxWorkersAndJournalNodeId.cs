using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElsaFlow.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddInboxWorkersAndJournalNodeId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NodeId",
                table: "journal",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "instance_inbox",
                columns: table => new
                {
                    Position = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_instance_inbox", x => x.Position);
                });

            migrationBuilder.CreateTable(
                name: "workers",
                columns: table => new
                {
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Groups = table.Column<string>(type: "TEXT", nullable: false),
                    Concurrency = table.Column<int>(type: "INTEGER", nullable: false),
                    Running = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    StoppedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workers", x => x.NodeId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_instance_inbox_InstanceId_Id",
                table: "instance_inbox",
                columns: new[] { "InstanceId", "Id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workers_LastSeen",
                table: "workers",
                column: "LastSeen");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "instance_inbox");

            migrationBuilder.DropTable(
                name: "workers");

            migrationBuilder.DropColumn(
                name: "NodeId",
                table: "journal");
        }
    }
}
