using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Observatory.Data.Migrations
{
    /// <inheritdoc />
    public partial class BatchesWebhooksInsights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_analyses_batch_id",
                table: "analyses");

            migrationBuilder.AddColumn<int>(
                name: "batch_index",
                table: "analyses",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "batch_ref",
                table: "analyses",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "digest_json",
                table: "analyses",
                type: "json",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    owner_tier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    priority = table.Column<short>(type: "smallint", nullable: false),
                    options_json = table.Column<string>(type: "jsonb", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancel_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    aggregate_json = table.Column<string>(type: "json", nullable: true),
                    trace_parent = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "daily_insights",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    analyses = table.Column<int>(type: "integer", nullable: false),
                    completed = table.Column<int>(type: "integer", nullable: false),
                    failed = table.Column<int>(type: "integer", nullable: false),
                    cancelled = table.Column<int>(type: "integer", nullable: false),
                    sentiment_sum = table.Column<double>(type: "double precision", nullable: false),
                    sentiment_count = table.Column<int>(type: "integer", nullable: false),
                    llm_used = table.Column<int>(type: "integer", nullable: false),
                    pattern_counts_json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_insights", x => new { x.day, x.owner });
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    event_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    principal = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_status_code = table.Column<int>(type: "integer", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analyses_batch_id_batch_index",
                table: "analyses",
                columns: new[] { "batch_id", "batch_index" });

            migrationBuilder.CreateIndex(
                name: "ix_analyses_completed_at",
                table: "analyses",
                column: "completed_at");

            migrationBuilder.CreateIndex(
                name: "ix_batches_owner_created_at",
                table: "batches",
                columns: new[] { "owner", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_batches_status",
                table: "batches",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_event_id",
                table: "webhook_deliveries",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_principal_created_at_id",
                table: "webhook_deliveries",
                columns: new[] { "principal", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_resource_id_type",
                table: "webhook_deliveries",
                columns: new[] { "resource_id", "type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_status_next_attempt_at",
                table: "webhook_deliveries",
                columns: new[] { "status", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "batches");

            migrationBuilder.DropTable(
                name: "daily_insights");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_analyses_batch_id_batch_index",
                table: "analyses");

            migrationBuilder.DropIndex(
                name: "ix_analyses_completed_at",
                table: "analyses");

            migrationBuilder.DropColumn(
                name: "batch_index",
                table: "analyses");

            migrationBuilder.DropColumn(
                name: "batch_ref",
                table: "analyses");

            migrationBuilder.DropColumn(
                name: "digest_json",
                table: "analyses");

            migrationBuilder.CreateIndex(
                name: "ix_analyses_batch_id",
                table: "analyses",
                column: "batch_id");
        }
    }
}
