using Observatory.Analysis;

namespace Observatory.Tests.Analysis.Parsing;

public class RoleInferenceTests
{
    [Theory]
    [InlineData("human")]
    [InlineData("Human")]
    [InlineData("  USER  ")]
    [InlineData("user")]
    [InlineData("Customer")]
    [InlineData("client")]
    [InlineData("Caller")]
    [InlineData("student")]
    [InlineData("Patient")]
    [InlineData("interviewee")]
    [InlineData("Me")]
    [InlineData("You")]
    [InlineData("User 1")]
    [InlineData("User1")]
    [InlineData("Human Agent")]
    [InlineData("end user")]
    public void Human_labels(string label) => Assert.Equal(SpeakerRole.Human, RoleInference.FromLabel(label));

    [Theory]
    [InlineData("ai")]
    [InlineData("AI")]
    [InlineData("assistant")]
    [InlineData("Assistant")]
    [InlineData("bot")]
    [InlineData("model")]
    [InlineData("agent")]
    [InlineData("Support Agent")]
    [InlineData("chatbot")]
    [InlineData("GPT")]
    [InlineData("GPT-4o")]
    [InlineData("ChatGPT")]
    [InlineData("Claude")]
    [InlineData("Claude 3.5 Sonnet")]
    [InlineData("LLM")]
    [InlineData("Copilot")]
    [InlineData("AI Assistant")]
    [InlineData("System Assistant")]
    [InlineData("**Assistant**")]
    public void Ai_labels(string label) => Assert.Equal(SpeakerRole.Ai, RoleInference.FromLabel(label));

    [Theory]
    [InlineData("system")]
    [InlineData("System")]
    [InlineData("developer")]
    [InlineData("System Prompt")]
    public void System_labels(string label) => Assert.Equal(SpeakerRole.System, RoleInference.FromLabel(label));

    [Theory]
    [InlineData("Ada")]
    [InlineData("Interviewer")]
    [InlineData("participant")]
    [InlineData("Dr. Smith")]
    [InlineData("Claudette")]
    [InlineData("Note")]
    [InlineData("Step 1")]
    [InlineData("Thank you")]
    [InlineData("")]
    [InlineData("   ")]
    public void Everything_else_is_a_participant(string label) => Assert.Equal(SpeakerRole.Participant, RoleInference.FromLabel(label));
}
