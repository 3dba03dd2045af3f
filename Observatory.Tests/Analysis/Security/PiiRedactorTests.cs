using Observatory.Analysis.Security;

namespace Observatory.Tests.Analysis.Security;

public class PiiRedactorTests
{
    private static void AssertRedacts(string input, string expected, int replacements)
    {
        (string text, int count) = PiiRedactor.Redact(input);
        Assert.Equal(expected, text);
        Assert.Equal(replacements, count);
    }

    private static void AssertUnchanged(string input) => AssertRedacts(input, input, 0);

    [Theory]
    [InlineData("Mail ada.lovelace@example.com today.", "Mail [EMAIL] today.")]
    [InlineData("Mail ADA+news@Mail.Example.co.uk", "Mail [EMAIL]")]
    [InlineData("Écrivez à zoé.durand@exemple.fr.", "Écrivez à [EMAIL].")]
    [InlineData("ada＠example.com", "[EMAIL]")]
    [InlineData("ada (at) example (dot) com", "[EMAIL]")]
    [InlineData("write to bob [at] mail.example.org, thanks", "write to [EMAIL], thanks")]
    [InlineData("ada at example dot com", "[EMAIL]")]
    [InlineData("ada.lovelace AT example DOT com", "[EMAIL]")]
    [InlineData("ada dot lovelace at example dot com", "[EMAIL]")]
    [InlineData("mailto:ada@example.com", "mailto:[EMAIL]")]
    public void Emails_including_obfuscated_forms(string input, string expected) => AssertRedacts(input, expected, 1);

    [Theory]
    [InlineData("Call +44 20 7946 0958 now", "Call [PHONE] now")]
    [InlineData("Call (555) 123-4567 now", "Call [PHONE] now")]
    [InlineData("Call 555.123.4567 now", "Call [PHONE] now")]
    [InlineData("Call +1-202-555-0173 now", "Call [PHONE] now")]
    [InlineData("Call 0049 30 1234567 now", "Call [PHONE] now")]
    [InlineData("Reach me on +4915112345678.", "Reach me on [PHONE].")]
    [InlineData("Landline 020 7946 0958.", "Landline [PHONE].")]
    [InlineData("call me at 555-1234", "call me at [PHONE]")]
    [InlineData("Ring +1 (555) 123-4567 please", "Ring [PHONE] please")]
    [InlineData("Ring +44 (0)20 7946 0958 please", "Ring [PHONE] please")]
    [InlineData("tel:+1-202-555-0173", "tel:[PHONE]")]
    [InlineData("It's 555 123 4567.", "It's [PHONE].")]
    public void Phone_numbers_in_common_international_forms(string input, string expected) => AssertRedacts(input, expected, 1);

    [Theory]
    [InlineData("On 2025-05-01 at 10:04 I placed order 48213 in 2025.")]
    [InlineData("Between 01.05.2025 and 12/31/2024 nothing happened.")]
    [InlineData("It cost 1.000.000 or 123 456 789 units, from 1990-2000.")]
    [InlineData("Order number 555-123-4567 and invoice #2024-0042-17.")]
    [InlineData("Ticket 5551234567 was closed at 10:04:05.")]
    [InlineData("Release 2025.05.01 ships with 3 fixes.")]
    [InlineData("At 10:04 555 1234 people came.")]
    public void Dates_times_years_amounts_and_references_are_not_phones(string input) => AssertUnchanged(input);

    [Theory]
    [InlineData("Card 4111 1111 1111 1111 expired", "Card [CARD] expired")]
    [InlineData("Card 4111-1111-1111-1111 expired", "Card [CARD] expired")]
    [InlineData("Card 5500005555555559 expired", "Card [CARD] expired")]
    [InlineData("Amex 3782 822463 10005 expired", "Amex [CARD] expired")]
    public void Card_numbers_passing_luhn(string input, string expected) => AssertRedacts(input, expected, 1);

    [Theory]
    [InlineData("Not a card: 4111 1111 1111 1112.")]
    [InlineData("Serial 1234567890123456 is fine.")]
    [InlineData("Tracking 9400111899223197428490 arrives Monday.")]
    public void Luhn_failing_or_non_card_digit_runs_stay(string input) => AssertUnchanged(input);

    [Theory]
    [InlineData("Server 192.168.1.10 is up", "Server [IP] is up")]
    [InlineData("Proxy 10.0.0.1:8080 refused", "Proxy [IP]:8080 refused")]
    [InlineData("v6 2001:db8::ff00:42:8329 here", "v6 [IP] here")]
    [InlineData("link-local fe80::1 too", "link-local [IP] too")]
    [InlineData("full 2001:0db8:85a3:0000:0000:8a2e:0370:7334.", "full [IP].")]
    [InlineData("mapped ::ffff:192.0.2.128 here", "mapped [IP] here")]
    public void IP_addresses_v4_and_v6(string input, string expected) => AssertRedacts(input, expected, 1);

    [Theory]
    [InlineData("Upgrade from 1.2.3 to version 1.2.3.4 today.")]
    [InlineData("At 10:04:05 the MAC 00:1A:2B:3C:4D:5E joined.")]
    [InlineData("Use std::vector or a[1::2] in code.")]
    [InlineData("Scores were 300.1.2.3 and 1.2.3.4.5.")]
    public void Version_strings_clocks_macs_and_code_are_not_ips(string input) => AssertUnchanged(input);

    [Theory]
    [InlineData("key sk-proj-abcdefghijklmnop1234567890 leaked", "key [SECRET] leaked")]
    [InlineData("key sk_live_51HabcdefGHIJKLmnop leaked", "key [SECRET] leaked")]
    [InlineData("key obs_admin_test_key_0123456789 leaked", "key [SECRET] leaked")]
    [InlineData("key AKIAIOSFODNN7EXAMPLE leaked", "key [SECRET] leaked")]
    [InlineData("key ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked", "key [SECRET] leaked")]
    [InlineData("key xoxb-123456789012-abcdefghij leaked", "key [SECRET] leaked")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U ok", "jwt [SECRET] ok")]
    [InlineData("password: hunter2", "password: [SECRET]")]
    [InlineData("api_key=abc123xyz&x=1", "api_key=[SECRET]&x=1")]
    [InlineData("\"client_secret\": \"s3cr3t-value\"", "\"client_secret\": \"[SECRET]\"")]
    [InlineData("my password is Tr0ub4dor.", "my password is [SECRET].")]
    [InlineData("export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "export AWS_SECRET_ACCESS_KEY=[SECRET]")]
    [InlineData("DB_PASSWORD=s3cret", "DB_PASSWORD=[SECRET]")]
    [InlineData("{\"password\":\"hunter2\",\"user\":\"ada\"}", "{\"password\":\"[SECRET]\",\"user\":\"ada\"}")]
    [InlineData("Authorization: Bearer abcdefghijklmnopqrstuvwxyz123456", "Authorization: Bearer [SECRET]")]
    [InlineData("sha 3f2a9c0d1e5b7a8f9c0d1e2f3a4b5c6d7e8f9a0b done", "sha [SECRET] done")]
    [InlineData("blob aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRlc3Q0NTY3 end", "blob [SECRET] end")]
    public void Secret_looking_tokens(string input, string expected) => AssertRedacts(input, expected, 1);

    [Theory]
    [InlineData("DATABASE_URL=postgres://app:hunter2@db.internal/prod", "DATABASE_URL=postgres://app:[SECRET]@db.internal/prod")]
    [InlineData("mysql://root:S3cret!@db.example.com:3306/x", "mysql://root:[SECRET]@db.example.com:3306/x")]
    [InlineData("clone https://ada:pa55w0rd@git.example.com/repo.git", "clone https://ada:[SECRET]@git.example.com/repo.git")]
    public void The_password_in_a_url_is_a_secret(string input, string expected) => AssertRedacts(input, expected, 1);

    [Fact]
    public void A_database_url_with_an_ip_host_loses_both_password_and_address()
    {
        AssertRedacts("postgres://app:hunter2@10.0.4.17/db", "postgres://app:[SECRET]@[IP]/db", 2);
        AssertUnchanged("see https://example.com/a:b@c and postgres://app@db/prod");
    }

    [Theory]
    [InlineData("The password is incorrect, please reset it.")]
    [InlineData("password: ******")]
    [InlineData("Rename MyVeryLongClassNameForTesting2 to something shorter.")]
    [InlineData("See src/2024/reports/quarterly-summary for details.")]
    [InlineData("https://www.youtube.com/watch/2024/05/my-video-title-here")]
    [InlineData("supercalifragilisticexpialidocious")]
    [InlineData("Plain text with nothing sensitive at all.")]
    [InlineData("I looked at the dot com bubble and clicked the red dot.")]
    [InlineData("")]
    public void Ordinary_text_identifiers_and_paths_stay(string input) => AssertUnchanged(input);

    [Fact]
    public void Counts_accumulate_across_calls_and_kinds()
    {
        int count = 0;
        string first = PiiRedactor.Redact("ada@example.com, +44 20 7946 0958", ref count);
        string second = PiiRedactor.Redact("4111 1111 1111 1111 from 192.168.1.10", ref count);

        Assert.Equal("[EMAIL], [PHONE]", first);
        Assert.Equal("[CARD] from [IP]", second);
        Assert.Equal(4, count);
        Assert.Equal(2, PiiRedactor.Count("ada@example.com and bob@example.org"));
    }

    [Fact]
    public void Redacted_text_is_stable_when_redacted_again()
    {
        (string once, _) = PiiRedactor.Redact("Mail ada@example.com, call +1-202-555-0173, key sk-proj-abcdefghijklmnop1234567890, password: hunter2");
        (string twice, int more) = PiiRedactor.Redact(once);

        Assert.Equal(once, twice);
        Assert.Equal(0, more);
    }
}
