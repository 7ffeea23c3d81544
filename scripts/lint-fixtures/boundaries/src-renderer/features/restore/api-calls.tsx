// Screens fetch through the request hook or a store; the API client's error type is still theirs to use.
import { ApiError } from '../../api/select-client.js';
import { useRequest } from '../../lib/use-request.js';
import { useReposStore } from '../../stores/repos-store.js';
import { getApi } from '../../api/select-client.js'; // ✗ paths
import { ApiError as E, getApi as api } from '../../api/select-client'; // ✗ paths

export const used = [ApiError, useRequest, useReposStore, getApi, E, api];
