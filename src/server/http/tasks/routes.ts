import { createTask, listTasks, updateTask } from '../../services/tasks.ts';
import { defineRoute } from '../route.ts';
import { IdParams, Task } from '../schemas.ts';
import { CreateTaskBody, TaskList, TaskListQuery, UpdateTaskBody } from './schemas.ts';

export const createTaskRoute = defineRoute({
  method: 'post',
  path: '/api/cases/{id}/tasks',
  operationId: 'createTask',
  summary: 'Ask another team for something, by a due date (the case keeps its owner)',
  tag: 'tasks',
  access: 'user',
  params: IdParams,
  body: CreateTaskBody,
  response: Task,
  status: 201,
  handler: ({ params, body, actor, deps }) => createTask(deps, actor, params.id, body),
});

export const updateTaskRoute = defineRoute({
  method: 'patch',
  path: '/api/tasks/{id}',
  operationId: 'updateTask',
  summary: 'Complete, cancel or change a task; completion reminds the case owner to get back to the customer',
  description: "The case owner and leads may change anything. Members of the team the task asks (or a token acting as one) may complete it with a result, nothing else. Anyone else gets 403.",
  tag: 'tasks',
  access: 'user',
  params: IdParams,
  body: UpdateTaskBody,
  response: Task,
  handler: ({ params, body, actor, deps }) => updateTask(deps, actor, params.id, body),
});

export const listTasksRoute = defineRoute({
  method: 'get',
  path: '/api/tasks',
  operationId: 'listTasks',
  summary: "Tasks on the caller's cases and tasks asking the caller's team (all tasks for leads), soonest due first",
  tag: 'tasks',
  access: 'user',
  query: TaskListQuery,
  response: TaskList,
  handler: async ({ query, actor, deps }) => ({ tasks: await listTasks(deps, actor, query) }),
});

export const taskRoutes = [createTaskRoute, updateTaskRoute, listTasksRoute];
