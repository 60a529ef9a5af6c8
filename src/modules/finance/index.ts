/** Project budgets, the per-person reintegration allowance and dated exchange rates. */
export { allowanceOf, convertOn } from './budget';
export { committedByLine, findLine, linesOf } from './repository';
export { financeRoutes } from './routes';
export { budgetLines, exchangeRates } from './tables';
