using System.Text.Json.Nodes;
using Observatory.Analysis;

namespace Observatory.Tests.Analysis.Evaluation;

/// <summary>
/// Properties that must hold for any input (issue 3: "never throws, scores in range, indices valid"), over a few
/// hundred seeded random conversations from <see cref="RandomConversations"/>. A failure names the seed, so
/// <c>RandomConversations.Generate(seed)</c> reproduces it.
/// </summary>
public class RandomConversationPropertyTests
{
    private const int FirstSeed = 1;
    private const int Conversations = 320;
    private const int MaxReported = 25;

    [Fact]
    public void Random_conversations_never_throw_stay_in_range_and_are_byte_identical_on_rerun()
    {
        var failures = new List<string>();
        var shared = new ConversationAnalyzer();
        PatternFamily[] families = Enum.GetValues<PatternFamily>();

        for (int seed = FirstSeed; seed < FirstSeed + Conversations; seed++)
        {
            try
            {
                Conversation conversation = RandomConversations.Generate(seed);
                string json = AnalysisResultJson.Serialize(shared.Analyze(conversation, PatternFamilies.All));
                JsonObject result = JsonNode.Parse(json)!.AsObject();
                failures.AddRange(ResultInvariants.Check(result, conversation.Messages.Count).Select(f => $"seed {seed}: {f}"));

                // Same input, fresh objects: byte-identical.
                string again = AnalysisResultJson.Serialize(new ConversationAnalyzer().Analyze(RandomConversations.Generate(seed), PatternFamilies.All));
                if (again != json)
                {
                    failures.Add($"seed {seed}: a second analysis differs from the first");
                }

                // What the service stores reads back to the same bytes.
                if (AnalysisResultJson.Serialize(AnalysisResultJson.Deserialize(json)) != json)
                {
                    failures.Add($"seed {seed}: the result JSON does not round-trip through AnalysisResultJson.Deserialize");
                }

                // Families that were not requested stay null; the requested ones are unaffected by the others.
                if (seed % 3 == 0)
                {
                    HashSet<PatternFamily> subset = families.Where((_, i) => ((seed / 3) >> i & 1) == 1).ToHashSet();
                    JsonObject partial = JsonNode.Parse(AnalysisResultJson.Serialize(shared.Analyze(conversation, subset)))!.AsObject();
                    foreach (PatternFamily family in families)
                    {
                        string name = family.ToString().ToLowerInvariant();
                        JsonNode? requested = partial["patterns"]![name];
                        if (!subset.Contains(family) && requested is not null)
                        {
                            failures.Add($"seed {seed}: patterns.{name} was not requested but is not null");
                        }
                        else if (subset.Contains(family) && !JsonNode.DeepEquals(requested, result["patterns"]![name]))
                        {
                            failures.Add($"seed {seed}: patterns.{name} changes when other families are not requested");
                        }
                    }
                }
            }
            catch (Exception exception)
            {
                failures.Add($"seed {seed}: threw {exception.GetType().Name}: {exception.Message}{Environment.NewLine}{exception.StackTrace}");
            }
        }

        Assert.True(failures.Count == 0,
            $"{failures.Count} failure(s) over {Conversations} random conversations:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(MaxReported))}");
    }

    [Fact]
    public void The_generator_covers_what_the_properties_claim()
    {
        Conversation[] conversations = Enumerable.Range(FirstSeed, Conversations).Select(RandomConversations.Generate).ToArray();
        IEnumerable<ConversationMessage> messages = conversations.SelectMany(c => c.Messages);

        Assert.Contains(conversations, c => c.Messages.Count == 1);
        Assert.Contains(conversations, c => c.Messages.Count >= 250);
        Assert.Contains(conversations, c => c.Messages.All(m => m.Timestamp is not null));
        Assert.Contains(conversations, c => c.Messages.All(m => m.Timestamp is null));
        Assert.Contains(conversations, c => c.Messages.Zip(c.Messages.Skip(1)).Any(p => p.First.Timestamp > p.Second.Timestamp));
        Assert.Contains(messages, m => m.Content.Length >= 1_000 && !m.Content.Contains(' ', StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Content.Contains("```", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Content.Contains("😀", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Speaker == "李雷");
        Assert.Contains(messages, m => m.Speaker == ConversationNormalizer.UnknownSpeaker || m.Role == SpeakerRole.Participant);
        Assert.Contains(messages, m => m.Content is "." or "…" or "👍" or "?");
        Assert.True(conversations.Sum(c => c.Messages.Count) >= 10_000, "the property test should exercise at least 10,000 messages in all");
    }
}
