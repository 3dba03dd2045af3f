using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Observatory.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting a service.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ObservatoryDbContext>
{
    public ObservatoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ObservatoryDbContext>()
            .UseNpgsql("Host=localhost;Database=observatory;Username=postgres")
            .Options);
}
