namespace Observatory.Data;
